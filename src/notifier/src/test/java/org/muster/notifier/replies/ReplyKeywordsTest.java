package org.muster.notifier.replies;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.muster.contracts.common.ReplyKeyword;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyKeywordsTest {

    @ParameterizedTest
    @CsvSource({
            "SAFE, SAFE", "  safe. , SAFE", "Safe - all 4 of us, SAFE", "1, SAFE", "۱, SAFE",
            "en sécurité, SAFE", "SAIN ET SAUF, SAFE", "Sicher!, SAFE", "امن, SAFE", "در امان, SAFE",
            "خوندي, SAFE", "روغ, SAFE",
            "help, HELP", "Au secours, HELP", "HILFE, HELP", "كمك, HELP", "مرسته, HELP", "2, HELP",
            "stop, STOP", "arrêt, STOP", "Stopp, STOP", "توقف, STOP", "ودروه, STOP",
            "START, START", "Démarrer, START", "starten, START", "شروع, START", "پیل, START",
            "We are at the hotel, NONE", "'', NONE", "safely arrived, NONE"})
    void recognises(String text, ReplyKeyword keyword) {
        assertThat(ReplyKeywords.match(text)).isEqualTo(keyword);
    }
}

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
            "We are at the hotel, NONE", "'', NONE", "safely arrived, NONE",
            // A call for help anywhere is HELP, whatever comes first.
            "OK but we need help, HELP", "Safe but my brother needs help, HELP", "Yes we need help, HELP",
            "sicher aber wir brauchen Hilfe, HELP", "ما در امان نیستیم کمک, HELP", "en sécurité mais au secours, HELP",
            // Words that begin ordinary sentences count only alone.
            "1 child missing, NONE", "Yes we left the city, NONE", "Cancel my seat on the flight, NONE",
            "OK, SAFE", "yes, START", "2, HELP", "cancel, STOP",
            // Keywords of several words, at the start of a sentence.
            "en sécurité à l'hôtel, SAFE", "in Sicherheit danke, SAFE", "not safe, NONE", "stop please, STOP"})
    void recognises(String text, ReplyKeyword keyword) {
        assertThat(ReplyKeywords.match(text)).isEqualTo(keyword);
    }
}

package org.muster.notifier.sending;

import com.twilio.http.HttpMethod;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Gather;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;
import java.util.Map;

/**
 * The TwiML of an alert call: the message twice in the recipient's language, then the keypad question (1 safe,
 * 2 need help), all inside one Gather so that a key pressed while the message plays is taken too.
 */
public final class VoiceScript {

    private static final Map<String, String> PROMPTS = Map.of(
            "en", "Press 1 if you are safe. Press 2 if you need help.",
            "fr", "Appuyez sur 1 si vous êtes en sécurité. Appuyez sur 2 si vous avez besoin d'aide.",
            "de", "Drücken Sie 1, wenn Sie in Sicherheit sind. Drücken Sie 2, wenn Sie Hilfe brauchen.",
            "prs", "اگر در امان هستید، ۱ را فشار دهید. اگر به کمک نیاز دارید، ۲ را فشار دهید.",
            "ps", "که خوندي یاست، ۱ کېکاږئ. که مرستې ته اړتیا لرئ، ۲ کېکاږئ.");

    private static final Map<String, String> THANKS = Map.of(
            "en", "Thank you. Your answer has been recorded.",
            "fr", "Merci. Votre réponse a été enregistrée.",
            "de", "Danke. Ihre Antwort wurde gespeichert.",
            "prs", "تشکر. پاسخ شما ثبت شد.",
            "ps", "مننه. ستاسو ځواب ثبت شو.");

    /** Twilio's text-to-speech voices; Dari and Pashto have none, so those are read with the default voice. */
    private static final Map<String, Say.Language> VOICES = Map.of(
            "en", Say.Language.EN_GB, "fr", Say.Language.FR_FR, "de", Say.Language.DE_DE);

    private VoiceScript() {
    }

    public static String alert(String body, String language, String gatherUrl) {
        String key = LanguageKeys.of(language);
        Gather gather = new Gather.Builder()
                .numDigits(1)
                .action(gatherUrl)
                .method(HttpMethod.POST)
                .say(say(body, key))
                .pause(new Pause.Builder().length(1).build())
                .say(say(body, key))
                .pause(new Pause.Builder().length(1).build())
                .say(say(PROMPTS.get(key), key))
                .build();
        return new VoiceResponse.Builder().gather(gather).build().toXml();
    }

    public static String thanks(String language) {
        String key = LanguageKeys.of(language);
        return new VoiceResponse.Builder().say(say(THANKS.get(key), key)).build().toXml();
    }

    private static Say say(String text, String key) {
        Say.Builder say = new Say.Builder(text);
        Say.Language voice = VOICES.get(key);
        if (voice != null) {
            say.language(voice);
        }
        return say.build();
    }
}

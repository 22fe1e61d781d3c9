package nl.peilbot.response;

import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.modulith.NamedInterface;

/**
 * Which responses of one survey wave to read: optionally only one status, one channel, a code of profile fields
 * (dimensions) and a chosen option of questions. All conditions must hold. {@link ResponseReader} turns it into the
 * database's filter, in one place.
 *
 * @param status   only responses with this status, or null for any
 * @param channel  only responses that used this channel, or null for any
 * @param profile  per profile field, the code (or text) the response must have
 * @param chosen   per choice question, an option code the response must have chosen
 */
@NamedInterface("reader")
public record ResponseSelection(String survey, String wave, ResponseStatus status, String channel,
                                SortedMap<String, String> profile, SortedMap<String, String> chosen) {

    public ResponseSelection {
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(wave, "wave");
        profile = Collections.unmodifiableSortedMap(new TreeMap<>(profile == null ? new TreeMap<>() : profile));
        chosen = Collections.unmodifiableSortedMap(new TreeMap<>(chosen == null ? new TreeMap<>() : chosen));
    }

    /** Every response of a survey wave, whatever its status. */
    public static ResponseSelection ofWave(String survey, String wave) {
        return new ResponseSelection(survey, wave, null, null, null, null);
    }

    /** The completed responses of a survey wave: what results count. */
    public static ResponseSelection completedOf(String survey, String wave) {
        return ofWave(survey, wave).withStatus(ResponseStatus.COMPLETED);
    }

    public ResponseSelection withStatus(ResponseStatus wanted) {
        return new ResponseSelection(survey, wave, wanted, channel, profile, chosen);
    }

    public ResponseSelection inChannel(String wanted) {
        return new ResponseSelection(survey, wave, status, wanted, profile, chosen);
    }

    public ResponseSelection withProfile(String field, String code) {
        SortedMap<String, String> more = new TreeMap<>(profile);
        more.put(field, code);
        return new ResponseSelection(survey, wave, status, channel, more, chosen);
    }

    public ResponseSelection withChosen(String questionId, String code) {
        SortedMap<String, String> more = new TreeMap<>(chosen);
        more.put(questionId, code);
        return new ResponseSelection(survey, wave, status, channel, profile, more);
    }
}

package nl.peilbot.results;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import java.util.ArrayList;
import java.util.List;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseSelection;

/**
 * Stable pseudonyms for responses ({@code R-} and 12 hex), so exports, the API and the webhook never show the
 * response id. An HMAC with a secret key ({@link PseudonymKey}: configured, or generated once and kept in the
 * database), so nobody who knows a response id or the organisers' data can compute its pseudonym. Changing the key
 * changes every pseudonym.
 */
@Component
@EnableConfigurationProperties(PseudonymProperties.class)
class Pseudonyms {

    private final SecretKeySpec key;
    private final ResponseReader responses;

    @Autowired
    Pseudonyms(PseudonymProperties properties, MongoDatabase database, Clock clock, ResponseReader responses) {
        this(PseudonymKey.resolve(properties.pseudonymSecret(), database, clock), responses);
    }

    Pseudonyms(String keyText, ResponseReader responses) {
        this.key = new SecretKeySpec(keyText.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.responses = responses;
    }

    String of(String responseId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(responseId.getBytes(StandardCharsets.UTF_8));
            return "R-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The response id behind a pseudonym in a wave; 404 when there is none. */
    String responseId(WaveId wave, String pseudonym) {
        return find(wave, pseudonym).orElseThrow(() ->
                new UnknownResultException("no respondent '" + pseudonym + "' in " + wave.survey() + "/" + wave.wave()));
    }

    private Optional<String> find(WaveId wave, String pseudonym) {
        List<String> found = new ArrayList<>(1);
        responses.forEachId(ResponseSelection.ofWave(wave.survey(), wave.wave()), id -> {
            if (found.isEmpty() && of(id).equals(pseudonym)) {
                found.add(id);
            }
        });
        return found.stream().findFirst();
    }
}

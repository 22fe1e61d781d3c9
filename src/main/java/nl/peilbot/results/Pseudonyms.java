package nl.peilbot.results;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.response.ResponseReader;

/**
 * Stable pseudonyms for responses ({@code R-} and 32 hex), so exports, the API and the webhook never show the
 * response id. A response id ({@code r_} and 24 hex) is encrypted as one AES block together with a 4-byte HMAC tag,
 * both keyed by a secret ({@link PseudonymKey}: configured, or generated once and kept in the database): nobody who
 * knows a response id or the organisers' data can compute its pseudonym, and the service turns a pseudonym back into
 * its response id by decrypting it, without reading any document but that response by {@code _id}. Changing the key
 * changes every pseudonym. An id of another shape (none is made by the service) gets a one-way pseudonym,
 * {@code R-} and 12 hex of its HMAC, that names no response.
 */
@Component
@EnableConfigurationProperties(PseudonymProperties.class)
class Pseudonyms {

    private static final Pattern RESPONSE_ID = Pattern.compile("r_[0-9a-f]{24}");
    private static final Pattern REVERSIBLE = Pattern.compile("R-[0-9a-f]{32}");
    private static final int TAG = 4;

    private final SecretKeySpec key;
    private final SecretKeySpec block;
    private final ResponseReader responses;

    @Autowired
    Pseudonyms(PseudonymProperties properties, MongoDatabase database, Clock clock, ResponseReader responses) {
        this(PseudonymKey.resolve(properties.pseudonymSecret(), database, clock), responses);
    }

    Pseudonyms(String keyText, ResponseReader responses) {
        this.key = new SecretKeySpec(keyText.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.block = new SecretKeySpec(Arrays.copyOf(hmac("pseudonym block key".getBytes(StandardCharsets.UTF_8)), 16), "AES");
        this.responses = responses;
    }

    String of(String responseId) {
        if (!RESPONSE_ID.matcher(responseId).matches()) {
            return "R-" + HexFormat.of().formatHex(hmac(responseId.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
        }
        byte[] plain = ByteBuffer.allocate(16).put(HexFormat.of().parseHex(responseId.substring(2)))
                .put(tag(responseId)).array();
        return "R-" + HexFormat.of().formatHex(aes(Cipher.ENCRYPT_MODE, plain));
    }

    /** The response id behind a pseudonym in a wave; 404 when there is none. */
    String responseId(WaveId wave, String pseudonym) {
        return find(wave, pseudonym).orElseThrow(() ->
                new UnknownResultException("no respondent '" + pseudonym + "' in " + wave.survey() + "/" + wave.wave()));
    }

    private Optional<String> find(WaveId wave, String pseudonym) {
        if (pseudonym == null || !REVERSIBLE.matcher(pseudonym).matches()) {
            return Optional.empty();
        }
        byte[] plain = aes(Cipher.DECRYPT_MODE, HexFormat.of().parseHex(pseudonym.substring(2)));
        String id = "r_" + HexFormat.of().formatHex(plain, 0, 16 - TAG);
        if (!MessageDigest.isEqual(tag(id), Arrays.copyOfRange(plain, 16 - TAG, 16))) {
            return Optional.empty();
        }
        return responses.find(id).filter(r -> r.survey().equals(wave.survey()) && r.wave().equals(wave.wave()))
                .map(r -> id);
    }

    private byte[] tag(String responseId) {
        return Arrays.copyOf(hmac(responseId.getBytes(StandardCharsets.UTF_8)), TAG);
    }

    private byte[] hmac(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** One AES block, no mode: the plain text is exactly one block, so each pseudonym is a permutation of its id. */
    private byte[] aes(int mode, byte[] oneBlock) {
        try {
            Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
            cipher.init(mode, block);
            return cipher.doFinal(oneBlock);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }
}

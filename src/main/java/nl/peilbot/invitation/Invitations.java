package nl.peilbot.invitation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import jakarta.annotation.PostConstruct;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The invitation module's entry point: makes invitations and finds them by token. Tokens are returned once
 * and stored only as their SHA-256 hash.
 */
@Component
public class Invitations {

    static final String COLLECTION = "invitations";
    private static final int TOKEN_BYTES = 32;

    private final MongoCollection<Document> invitations;
    private final Surveys surveys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Invitations(MongoDatabase database, Surveys surveys, Clock clock) {
        this.invitations = database.getCollection(COLLECTION);
        this.surveys = surveys;
        this.clock = clock;
    }

    @PostConstruct
    void createIndexes() {
        invitations.createIndex(Indexes.ascending("survey"));
    }

    /**
     * Invites one respondent.
     *
     * @param profile profile field values known in advance (option codes for choice fields); blank ones are left out
     * @return the token, which is not stored and cannot be recovered
     * @throws InvalidInvitationException for an unknown survey, field or option code
     */
    public String create(String survey, Map<String, String> profile) {
        Flow flow = flow(survey);
        return store(flow, Invitation.Kind.INVITED, checkedProfile(flow, profile == null ? Map.of() : profile));
    }

    /** A new invitation for a visitor of the survey's open link, with nothing known in advance. */
    public String openLink(String survey) {
        return store(flow(survey), Invitation.Kind.OPEN, Map.of());
    }

    public Optional<Invitation> find(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(invitations.find(Filters.eq("_id", Hashes.sha256Hex(token))).first())
                .map(Invitations::invitation);
    }

    private Flow flow(String survey) {
        if (survey == null || survey.isBlank()) {
            throw new InvalidInvitationException("survey is required");
        }
        return surveys.current(survey).orElseThrow(() -> new InvalidInvitationException("unknown survey '" + survey + "'"));
    }

    private String store(Flow flow, Invitation.Kind kind, Map<String, String> profile) {
        String token = newToken();
        invitations.insertOne(new Document("_id", Hashes.sha256Hex(token))
                .append("survey", flow.id())
                .append("wave", flow.wave())
                .append("kind", kind.stored())
                .append("profile", new Document(new LinkedHashMap<>(profile)))
                .append("createdAt", Date.from(clock.instant())));
        return token;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The given values in the flow's field order, each checked against the flow's profile fields. */
    private static Map<String, String> checkedProfile(Flow flow, Map<String, String> given) {
        for (String fieldId : given.keySet()) {
            if (!flow.isProfileField(fieldId)) {
                throw new InvalidInvitationException("unknown profile field '" + fieldId + "' for survey '" + flow.id()
                        + "'; known fields: " + flow.profile().stream().map(Question::id).collect(Collectors.joining(", ")));
            }
        }
        Map<String, String> profile = new LinkedHashMap<>();
        for (Question field : flow.profile()) {
            String value = given.get(field.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            if (field.kind() != null && field.kind().isChoice() && field.option(value).isEmpty()) {
                throw new InvalidInvitationException("'" + value + "' is not an option of profile field '" + field.id()
                        + "'; options: " + field.options().stream().map(AnswerOption::code).collect(Collectors.joining(", ")));
            }
            profile.put(field.id(), value);
        }
        return profile;
    }

    private static Invitation invitation(Document document) {
        Map<String, String> profile = new LinkedHashMap<>();
        document.get("profile", new Document()).forEach((field, value) -> profile.put(field, String.valueOf(value)));
        return new Invitation(document.getString("_id"), document.getString("survey"), document.getString("wave"),
                Invitation.Kind.fromStored(document.getString("kind")), profile);
    }
}

package nl.peilbot.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;

class InvitationsTests {

    private static final Flow FLOW = Flows.load(Path.of("src/test/resources/flows/valid/small-survey.yaml"));
    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");
    private static final Map<String, String> PROFILE = Map.of("hospital", "Ziekenhuis Zuid",
            "hospitalType", "topclinical", "role", "cmio");

    private static MongoCollection<Document> raw;
    private static Invitations invitations;

    @BeforeAll
    static void connect() {
        MongoDatabase database = FerretDb.database("invitations");
        raw = database.getCollection("invitations");
        Surveys surveys = id -> FLOW.id().equals(id) ? Optional.of(FLOW) : Optional.empty();
        invitations = new Invitations(database, surveys, Clock.fixed(NOW, ZoneOffset.UTC), event -> { });
        invitations.createIndexes();
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Nested
    class Tokens {

        @Test
        void shouldMintThirtyTwoRandomBytesAsBase64Url() {
            String token = invitations.create(FLOW.id(), PROFILE);

            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            assertThat(invitations.create(FLOW.id(), PROFILE)).isNotEqualTo(token);
        }

        @Test
        void shouldStoreOnlyTheHashOfTheToken() throws Exception {
            String token = invitations.create(FLOW.id(), PROFILE);

            assertThat(raw.find(Filters.eq("_id", sha256Hex(token))).first()).isNotNull();
            List<Document> all = raw.find().into(new ArrayList<>());
            assertThat(all).isNotEmpty().allSatisfy(document -> assertThat(document.toJson()).doesNotContain(token));
        }

        @Test
        void shouldStoreTheDocumentOfTheDesign() throws Exception {
            String token = invitations.create(FLOW.id(), Map.of("role", "cio", "hospital", "Ziekenhuis Oost"));

            Document stored = raw.find(Filters.eq("_id", sha256Hex(token))).first();

            assertThat(stored).isEqualTo(new Document("_id", sha256Hex(token))
                    .append("survey", "small-survey")
                    .append("wave", "2024")
                    .append("kind", "invited")
                    .append("responseId", "r_" + sha256Hex("response:" + sha256Hex(token)).substring(0, 24))
                    .append("profile", new Document("hospital", "Ziekenhuis Oost").append("role", "cio"))
                    .append("createdAt", Date.from(NOW)));
        }
    }

    @Nested
    class Finding {

        @Test
        void shouldFindAnInvitationByItsToken() throws Exception {
            String token = invitations.create(FLOW.id(), PROFILE);

            Invitation invitation = invitations.find(token).orElseThrow();

            assertThat(invitation).isEqualTo(new Invitation(sha256Hex(token), "small-survey", "2024",
                    Invitation.Kind.INVITED, PROFILE));
        }

        @Test
        void shouldFindNothingForAnUnknownOrEmptyToken() {
            assertThat(invitations.find("not-a-token")).isEmpty();
            assertThat(invitations.find("")).isEmpty();
            assertThat(invitations.find(null)).isEmpty();
        }

        @Test
        void shouldMintAnOpenInvitationWithoutProfileForAnOpenLink() {
            String token = invitations.openLink(FLOW.id());

            Invitation invitation = invitations.find(token).orElseThrow();

            assertThat(invitation.kind()).isEqualTo(Invitation.Kind.OPEN);
            assertThat(invitation.profile()).isEmpty();
            assertThat(invitation.survey()).isEqualTo("small-survey");
        }

        @Test
        void shouldDeriveOneResponseIdFromTheInvitation() throws Exception {
            String token = invitations.create(FLOW.id(), PROFILE);
            Invitation invitation = invitations.find(token).orElseThrow();

            assertThat(invitation.responseId())
                    .isEqualTo("r_" + sha256Hex("response:" + sha256Hex(token)).substring(0, 24))
                    .matches("r_[0-9a-f]{24}")
                    .isEqualTo(invitations.find(token).orElseThrow().responseId());
            assertThat(invitations.find(invitations.openLink(FLOW.id())).orElseThrow().responseId())
                    .isNotEqualTo(invitation.responseId());
        }
    }

    @Nested
    class Refusing {

        @Test
        void shouldRefuseAnUnknownSurvey() {
            long before = raw.countDocuments();

            assertThatThrownBy(() -> invitations.create("no-such-survey", PROFILE))
                    .isInstanceOf(InvalidInvitationException.class).hasMessageContaining("unknown survey 'no-such-survey'");
            assertThatThrownBy(() -> invitations.openLink("no-such-survey"))
                    .isInstanceOf(InvalidInvitationException.class);
            assertThat(raw.countDocuments()).isEqualTo(before);
        }

        @Test
        void shouldRefuseAMissingSurvey() {
            assertThatThrownBy(() -> invitations.create(null, PROFILE))
                    .isInstanceOf(InvalidInvitationException.class).hasMessageContaining("survey is required");
        }

        @Test
        void shouldRefuseAProfileFieldTheSurveyDoesNotHave() {
            assertThatThrownBy(() -> invitations.create(FLOW.id(), Map.of("department", "ICT")))
                    .isInstanceOf(InvalidInvitationException.class)
                    .hasMessageContaining("unknown profile field 'department'")
                    .hasMessageContaining("hospital, hospitalType, role");
        }

        @Test
        void shouldRefuseACodeThatIsNotAnOptionOfAChoiceField() {
            assertThatThrownBy(() -> invitations.create(FLOW.id(), Map.of("hospitalType", "Topklinisch")))
                    .isInstanceOf(InvalidInvitationException.class)
                    .hasMessageContaining("'Topklinisch' is not an option of profile field 'hospitalType'")
                    .hasMessageContaining("academic, topclinical, general");
        }

        @Test
        void shouldLeaveOutBlankProfileValues() {
            Map<String, String> profile = new LinkedHashMap<>();
            profile.put("hospital", "  ");
            profile.put("role", "cio");
            profile.put("hospitalType", null);

            String token = invitations.create(FLOW.id(), profile);

            assertThat(invitations.find(token).orElseThrow().profile()).isEqualTo(Map.of("role", "cio"));
        }
    }
}

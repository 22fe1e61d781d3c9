package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

import com.mongodb.client.model.Filters;

import nl.peilbot.csv.SpreadsheetCsv;

/** Making invitations in the console: one by one, from a CSV (all rows or none), revoke and re-issue. */
class InvitationConsoleTests extends ConsoleTestBase {

    private static final String BASE = "/console/api/waves/" + WAVE_2020 + "/invitations";

    private static RequestPostProcessor organiser() {
        return user("olga").roles("ORGANISER");
    }

    private MockHttpServletResponse upload(String csv) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "invitations.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        return mvc.perform(multipart(BASE + "/upload").file(file).with(organiser()).with(csrf())).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private long invitationCount() {
        return database().getCollection("invitations").countDocuments();
    }

    @Nested
    class Upload {

        @Test
        void shouldImportEveryRowAndShowEachLinkOnce() throws Exception {
            MockHttpServletResponse response = upload("""
                    Ziekenhuis;Type ziekenhuis;role;name;email;telegram
                    Jeroen Bosch Ziekenhuis;topklinisch;cmio;An de Vries;an@jbz.example;
                    "Amsterdam UMC; locatie AMC";Academisch;CIO;Bram Bakker;;@bram_bakker
                    Ziekenhuis Rivierenland;;;;;
                    """);

            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
            JsonNode created = body(response).get("created");
            assertThat(created).hasSize(3);
            JsonNode first = created.get(0);
            assertThat(first.get("name").stringValue()).isEqualTo("An de Vries");
            String web = first.get("webLink").stringValue();
            assertThat(web).matches("https://peilbot\\.example/chat/peil-2020#t=[A-Za-z0-9_-]{43}");
            String token = web.substring(web.indexOf("#t=") + 3);
            assertThat(first.get("telegramLink").stringValue()).isEqualTo("https://t.me/PeilTestBot?start=" + token);
            assertThat(created.get(1).get("unit").stringValue()).isEqualTo("Amsterdam UMC; locatie AMC");
            assertThat(created.get(1).get("telegram").stringValue()).isEqualTo("bram_bakker");

            Document stored = database().getCollection("invitations").find(Filters.eq("responseId", first.get("ref").stringValue())).first();
            assertThat(stored.get("invitee", Document.class).getString("email")).isEqualTo("an@jbz.example");
            assertThat(stored.get("profile", Document.class)).isEqualTo(new Document("hospital", "Jeroen Bosch Ziekenhuis")
                    .append("hospitalType", "topklinisch").append("role", "cmio"));
            assertThat(stored.toJson()).as("no token stored").doesNotContain(token);

            JsonNode list = body(mvc.perform(get(BASE).with(organiser())).andReturn().getResponse());
            assertThat(list).hasSize(3);
            assertThat(list.get(0).get("status").stringValue()).isEqualTo("not_started");
            assertThat(list.toString()).as("the list never shows links again").doesNotContain(token);
        }

        @Test
        void shouldOfferTheLinksAsASpreadsheetWithFormulasDefused() throws Exception {
            MockHttpServletResponse response = upload("""
                    Ziekenhuis;role;name;email
                    "=HYPERLINK(""https://evil.example"";""klik"")";cio;"@Bram, ""de"" Bakker";bram@zbz.example
                    Ziekenhuis Rivierenland;;  -An;
                    """);

            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
            JsonNode created = body(response).get("created");
            String csv = body(response).get("csv").stringValue();
            assertThat(csv).startsWith(SpreadsheetCsv.BOM + "name,email,telegram,unit,profile,webLink,telegramLink\r\n");
            List<SpreadsheetCsv.Line> lines = SpreadsheetCsv.read(csv);
            assertThat(lines).hasSize(3);
            assertThat(lines.get(1).fields()).containsExactly("'@Bram, \"de\" Bakker", "bram@zbz.example", "",
                    "'=HYPERLINK(\"https://evil.example\";\"klik\")", created.get(0).get("dimensions").stringValue(),
                    created.get(0).get("webLink").stringValue(), created.get(0).get("telegramLink").stringValue());
            assertThat(lines.get(2).fields().get(0)).isEqualTo("'-An");
            assertThat(lines.get(2).fields().get(5)).isEqualTo(created.get(1).get("webLink").stringValue());
        }

        @Test
        void shouldReportEveryBadLineAndImportNothing() throws Exception {
            invite(WAVE_2020, "Bestaand Ziekenhuis", "Carla Claes");
            long before = invitationCount();

            MockHttpServletResponse response = upload("""
                    hospital,hospitalType,role,name,email
                    Goed Ziekenhuis,algemeen,cio,Dirk Dekker,dirk@example.org
                    Fout Type,huisartsenpost,cio,Eva Evers,eva@example.org
                    Fout Mail,algemeen,cmio,Frits Fok,frits@
                    ,algemeen,cio,Geen Ziekenhuis,g@example.org
                    Dubbel,algemeen,cio,Dirk Dekker 2,DIRK@example.org
                    Al Bekend,algemeen,cio,Carla Claes,carla.claes@example.org
                    """);

            assertThat(response.getStatus()).isEqualTo(400);
            JsonNode problems = body(response).get("problems");
            assertThat(problems.toString()).contains("\"line\":3", "unknown_option", "hospitalType: huisartsenpost",
                    "\"line\":4", "malformed_email", "\"line\":5", "missing_unit", "\"line\":6", "duplicate",
                    "\"line\":7", "already_invited");
            assertThat(problems.findValues("line")).extracting(JsonNode::intValue).doesNotContain(2);
            assertThat(invitationCount()).as("nothing of a rejected upload is imported").isEqualTo(before);
        }

        @Test
        void shouldRefuseAnUnclosedQuoteNamingItsLine() throws Exception {
            long before = invitationCount();

            MockHttpServletResponse response = upload("hospital;name\nGoed;Dirk\n\"Open;Eva\nNog een;Frits\n");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("problems").toString()).contains("\"line\":3", "malformed_csv");
            assertThat(invitationCount()).isEqualTo(before);
        }

        @Test
        void shouldRefuseMoreRowsThanOneImportTakesWithTheLimit() throws Exception {
            long before = invitationCount();
            StringBuilder csv = new StringBuilder("hospital\n");
            for (int i = 0; i <= InvitationRows.MAX_ROWS; i++) {
                csv.append("Ziekenhuis ").append(i).append('\n');
            }

            MockHttpServletResponse response = upload(csv.toString());

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("problems").toString())
                    .contains("too_many_rows", String.valueOf(InvitationRows.MAX_ROWS));
            assertThat(invitationCount()).isEqualTo(before);
        }

        @Test
        void shouldRefuseAFileWithoutTheUnitColumn() throws Exception {
            MockHttpServletResponse response = upload("naam,email\nAn,an@example.org\n");

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("problems").toString()).contains("missing_unit_column");
            assertThat(invitationCount()).isZero();
        }
    }

    @Nested
    class OneByOne {

        @Test
        void shouldCreateOneWithAValidityWindow() throws Exception {
            MockHttpServletResponse response = mvc.perform(post(BASE).with(organiser()).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"profile\": {\"hospital\": \"Maasstad\", \"role\": \"cmio\"}, \"validFrom\": \"2030-01-01\", \"validUntil\": \"2030-01-31\"}"))
                    .andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(201);
            Document stored = database().getCollection("invitations").find().first();
            assertThat(stored.getDate("validFrom").toInstant()).hasToString("2029-12-31T23:00:00Z");
            assertThat(stored.getDate("validUntil").toInstant()).as("until and including the 31st")
                    .hasToString("2030-01-31T23:00:00Z");
        }

        @Test
        void shouldRejectAnUnknownRole() throws Exception {
            MockHttpServletResponse response = mvc.perform(post(BASE).with(organiser()).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"profile\": {\"hospital\": \"Maasstad\", \"role\": \"janitor\"}}"))
                    .andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("problems").get(0).get("code").stringValue()).isEqualTo("unknown_option");
        }

        @Test
        void shouldRejectAHospitalNameOfThousandsOfCharacters() throws Exception {
            long before = invitationCount();
            MockHttpServletResponse response = mvc.perform(post(BASE).with(organiser()).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"profile\": {\"hospital\": \"" + "Z".repeat(5000) + "\"}}"))
                    .andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(body(response).get("problems").get(0).get("code").stringValue()).isEqualTo("too_long");
            assertThat(invitationCount()).isEqualTo(before);
        }

        @Test
        void shouldRefuseANegativeTarget() throws Exception {
            MockHttpServletResponse response = mvc.perform(post("/console/api/waves/" + WAVE_2020 + "/settings")
                    .with(organiser()).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"target\": -5}"))
                    .andReturn().getResponse();

            assertThat(response.getStatus()).isEqualTo(400);
        }
    }

    @Nested
    class RevokeAndReissue {

        @Test
        void shouldRevokeAndReissueByReference() throws Exception {
            var issued = invite(WAVE_2020, "Ziekenhuis Gelderse Vallei", "Henk Hol");

            MockHttpServletResponse reissued = mvc.perform(post(BASE + "/" + issued.responseId() + "/reissue")
                    .with(organiser()).with(csrf())).andReturn().getResponse();
            assertThat(reissued.getStatus()).isEqualTo(200);
            assertThat(body(reissued).get("created").get(0).get("ref").stringValue()).isEqualTo(issued.responseId());

            assertThat(mvc.perform(post(BASE + "/" + issued.responseId() + "/revoke").with(organiser()).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(204);
            JsonNode list = body(mvc.perform(get(BASE).with(organiser())).andReturn().getResponse());
            assertThat(list).singleElement().satisfies(i -> assertThat(i.get("status").stringValue()).isEqualTo("revoked"));
        }

        @Test
        void shouldNotTouchAnInvitationOfAnotherWave() throws Exception {
            var other = invite(WAVE_2021, "Ander Ziekenhuis", "Ida Ink");

            assertThat(mvc.perform(post(BASE + "/" + other.responseId() + "/revoke").with(organiser()).with(csrf()))
                    .andReturn().getResponse().getStatus()).isEqualTo(404);
            assertThat(invitations.summary(other.responseId()).orElseThrow().revokedAt()).isNull();
        }
    }

    @Test
    void shouldKeepInviteesOutOfTheResponses() throws Exception {
        var issued = invite(WAVE_2020, "Privacy Ziekenhuis", "Joke Jansen");
        try (TestChat chat = new TestChat(json, port)) {
            chat.hello(issued.token());
            chat.choice("#yes");
        }
        Document response = database().getCollection("responses").find(Filters.eq("_id", issued.responseId())).first();
        assertThat(response).isNotNull();
        assertThat(response.toJson()).doesNotContain("Joke", "joke.jansen@example.org");
        assertThat(List.copyOf(response.keySet())).doesNotContain("invitee");
    }
}

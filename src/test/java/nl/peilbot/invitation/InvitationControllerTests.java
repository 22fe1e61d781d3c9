package nl.peilbot.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.jayway.jsonpath.JsonPath;
import com.mongodb.client.MongoDatabase;

import nl.peilbot.testsupport.FerretDb;

/** The endpoint itself; HTTP basic for {@code /api/**} is the security configuration's concern and left out here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.flows.directory=src/test/resources/flows/valid")
class InvitationControllerTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("invitation_api");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    private WebApplicationContext context;

    @Autowired
    private Invitations invitations;

    @Autowired
    private MongoDatabase database;

    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).build();
    }

    @Test
    void shouldCreateAnInvitationAndAnswerWithTokenAndLink() throws Exception {
        MvcResult result = mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content("""
                        {"survey": "small-survey",
                         "profile": {"hospital": "Ziekenhuis Zuid", "hospitalType": "academic", "role": "cio"}}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.token").isString())
                .andReturn();
        String token = JsonPath.read(result.getResponse().getContentAsString(), "$.token");
        String link = JsonPath.read(result.getResponse().getContentAsString(), "$.link");

        assertThat(link).isEqualTo("/chat/small-survey#t=" + token);
        Invitation invitation = invitations.find(token).orElseThrow();
        assertThat(invitation.profile()).containsEntry("hospitalType", "academic").containsEntry("role", "cio");
        List<Document> stored = database.getCollection("invitations").find().into(new ArrayList<>());
        assertThat(stored).allSatisfy(document -> assertThat(document.toJson()).doesNotContain(token));
    }

    @Test
    void shouldAcceptAnInvitationWithoutProfile() throws Exception {
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content("{\"survey\": \"small-survey\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void shouldAnswerBadRequestWithAClearMessageForAnUnknownSurvey() throws Exception {
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survey\": \"no-such-survey\", \"profile\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("unknown survey 'no-such-survey'"));
    }

    @Test
    void shouldAnswerBadRequestForAnUnknownOptionCode() throws Exception {
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survey\": \"small-survey\", \"profile\": {\"role\": \"ceo\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("'ceo' is not an option of profile field 'role'; options: cio, cmio"));
    }

    @Test
    void shouldRefuseABlankOrOverlongHospitalAndAMissingSurveyWithAClearProblem() throws Exception {
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survey\": \"small-survey\", \"profile\": {\"hospital\": \"   \"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("profile field 'hospital' is blank; leave it out instead"));
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"survey\": \"small-survey\", \"profile\": {\"hospital\": \"" + "Z".repeat(5000) + "\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("profile field 'hospital' is longer than 200 characters"));
        mvc.perform(post("/api/invitations").contentType(MediaType.APPLICATION_JSON).content("{\"profile\": {}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("survey is required"));
    }
}

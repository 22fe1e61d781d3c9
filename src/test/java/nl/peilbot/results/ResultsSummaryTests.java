package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import nl.peilbot.aggregation.Results;
import nl.peilbot.conversation.Waves;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.testsupport.FerretDb;

/**
 * The results page's server-rendered summary on the 2020 report's 35 respondents (and the 2019 wave) in a real
 * FerretDB: the figures a reader sees first are the published report's (chapter 4), in Dutch and in English, with
 * the response rate against the wave's target or its invitations, the waves by title and the report's links.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {AnalystClient.PROPERTIES_ANALYST, AnalystClient.PROPERTIES_ORGANISER})
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsSummaryTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final String DATABASE = FerretDb.uniqueDatabase("results_summary");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    ResponseStore responses;

    @Autowired
    FlowSnapshots snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Results results;

    @Autowired
    Waves waves;

    @Autowired
    Invitations invitations;

    @BeforeAll
    void loadTheReportsRespondents() {
        ReportData.load(responses, snapshots, events, results);
    }

    @Test
    void shouldOpenWithTheReportsHeadlineFiguresOfEveryQuestionLinkedToItsSection() throws Exception {
        waves.configure(SURVEY, 40, false);
        String page = page("/results?wave=ai-in-hospitals-2020/2020&lang=nl");

        assertThat(text(element(page, "dd", "respondents"))).isEqualTo("35");
        assertThat(text(element(page, "dd", "units"))).isEqualTo("29");
        assertThat(text(page)).contains("Ziekenhuizen 29");
        // 35 of the 40 aimed for, rounded half up as every percent of the report
        assertThat(text(element(page, "dd", "rate"))).isEqualTo("88% (35 van de beoogde 40)");

        // Chapter 4: 37/54/9 (4.1), 14/57/26/3 (4.1), 34 of 35 know machine learning, 9/37/54 (4.2),
        // responsibility 7 (4.2), 17/34/49 (4.2), radiology 38% of the implementations (4.3), better care 80% (4.4),
        // 40% "only increases" (4.4, the results chapter's reading), insufficient knowledge 10 (4.5).
        assertThat(headline(page, "familiarity")).endsWith("Redelijk bekend: 54% (19 van 35)");
        assertThat(headline(page, "followsDevelopments")).endsWith("Goed: 57% (20 van 35)");
        assertThat(headline(page, "knownApplications")).endsWith("Machine Learning: 97% (34 van 35)");
        assertThat(headline(page, "policy")).endsWith("Nee: 54% (19 van 35)");
        assertThat(headline(page, "policyTopics")).endsWith("Verantwoordelijkheid: 7 keer (44% van 16 antwoorden)");
        assertThat(headline(page, "aiChampion")).endsWith("Nee: 49% (17 van 35)");
        assertThat(headline(page, "implementations")).endsWith("Radiologie: 6 keer genoemd (38% van 16)");
        assertThat(headline(page, "drivers")).endsWith("Kwalitatief betere zorg bieden aan patiënten: 80% (28 van 35)");
        assertThat(headline(page, "workloadReduction")).endsWith("Niet, neemt alleen maar toe: 40% (14 van 35)");
        assertThat(headline(page, "concerns")).endsWith("Onvoldoende kennis: 10 keer (29% van 35 antwoorden)");

        // every numbered question has its headline, each a link to the section the page's script draws
        Matcher links = Pattern.compile("<li data-question=\"([^\"]+)\">\\s*<a href=\"#q-\\1\">").matcher(page);
        int linked = 0;
        while (links.find()) {
            linked++;
        }
        assertThat(linked).isEqualTo(results.flow(ReportData.WAVE_2020).questions().size());
        assertThat(headline(page, "familiarity")).startsWith("Vraag 1 In hoeverre bent u bekend met de mogelijkheden");
        // the contents list every section below the summary, profile fields with a table included
        assertThat(element(page, "nav", "contents")).contains("href=\"#q-hospitalType\"", "href=\"#q-concerns\"")
                .doesNotContain("href=\"#q-hospital\"");
    }

    @Test
    void shouldMeasureTheResponseRateAgainstTheInvitationsWhenNoTargetIsSet() throws Exception {
        waves.configure(SURVEY, 0, false);
        assertThat(text(element(page("/results?lang=nl"), "dd", "rate"))).startsWith("Geen doel ingesteld");

        for (int i = 0; i < 50; i++) {
            invitations.create(SURVEY, Map.of("hospital", "Ziekenhuis " + i, "hospitalType", "algemeen", "role", "cio"));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String page = page("/results?lang=nl");
            assertThat(text(element(page, "dd", "invited"))).isEqualTo("50");
            assertThat(text(element(page, "dd", "rate"))).isEqualTo("70% (35 van 50 uitgenodigden)");
        });
    }

    @Test
    void shouldSpeakEnglishWhenAsked() throws Exception {
        waves.configure(SURVEY, 40, false);
        String page = page("/results?wave=ai-in-hospitals-2020/2020&lang=en");

        assertThat(page).contains("<html lang=\"en\"");
        assertThat(text(page)).contains("Hospitals 29", "Respondents 35", "Log out", "Key figures per question");
        assertThat(text(element(page, "dd", "rate"))).isEqualTo("88% (35 of the 40 aimed for)");
        assertThat(headline(page, "familiarity")).isEqualTo(
                "Question 1 How familiar are you with the possibilities of AI in healthcare? "
                        + "Fairly familiar: 54% (19 of 35)");
        assertThat(element(page, "select", "wave")).contains(">AI in Dutch hospitals 2020<");
    }

    @Test
    void shouldOfferEveryWaveByTitleAndTheWavesReport() throws Exception {
        String page = page("/results?wave=ai-in-hospitals-2020/2020&lang=nl");

        assertThat(element(page, "select", "wave"))
                .contains("<option value=\"ai-in-hospitals-2019/2019\">AI in Nederlandse ziekenhuizen 2019</option>")
                .contains("<option value=\"ai-in-hospitals-2020/2020\" selected=\"selected\">AI in Nederlandse ziekenhuizen 2020</option>");
        assertThat(element(page, "h1", "title")).contains("AI in Nederlandse ziekenhuizen 2020");
        assertThat(page).contains("href=\"/api/results/ai-in-hospitals-2020/2020/report.html?lang=nl\"",
                "href=\"/api/results/ai-in-hospitals-2020/2020/report.pdf?lang=nl\"");
        assertThat(element(page, "form", "logout")).contains("action=\"/logout\"", "name=\"_csrf\"");

        String earlier = page("/results?wave=ai-in-hospitals-2019/2019&lang=nl");
        assertThat(element(earlier, "h1", "title")).contains("AI in Nederlandse ziekenhuizen 2019");
        // the console runs the 2020 flow: the 2019 wave has no target or invitations to measure against
        assertThat(text(element(earlier, "dd", "rate"))).startsWith("Onbekend");
        assertThat(earlier).contains("href=\"/api/results/ai-in-hospitals-2019/2019/report.pdf?lang=nl\"");
    }

    @Test
    void shouldShowTheLatestWaveAndSaySoForAWaveWithoutResults() throws Exception {
        String page = page("/results?wave=no-such-survey/1&lang=nl");

        assertThat(text(page)).contains("Meting no-such-survey/1 heeft geen resultaten; u ziet de meest recente meting.");
        assertThat(element(page, "h1", "title")).contains("AI in Nederlandse ziekenhuizen 2020");
        assertThat(text(element(page, "dd", "respondents"))).isEqualTo("35");

        String hostile = mvc.perform(get("/results").param("wave", "<script>alert(1)</script>").param("lang", "nl")
                .with(user("analyst").roles("ANALYST"))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(hostile).contains("Meting &lt;script&gt;alert(1)&lt;/script&gt; heeft geen resultaten")
                .doesNotContain("<script>alert");
    }

    @Test
    void shouldServeTheSummaryAloneForTheLivePage() throws Exception {
        String fragment = page("/results/summary?wave=ai-in-hospitals-2020/2020&lang=nl");

        assertThat(fragment.strip()).startsWith("<section id=\"summary\"").endsWith("</section>");
        assertThat(text(element(fragment, "dd", "respondents"))).isEqualTo("35");
    }

    private String page(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user("analyst").roles("ANALYST"))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The element with this id, from its start tag to the first end tag of its name (no nesting of the same name). */
    private static String element(String html, String name, String id) {
        Matcher m = Pattern.compile("<" + name + "[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>.*?</" + name + ">",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("<%s id=%s>", name, id).isTrue();
        return m.group();
    }

    /** The headline item of one question, as text. */
    private static String headline(String html, String question) {
        Matcher m = Pattern.compile("<li data-question=\"" + Pattern.quote(question) + "\">.*?</li>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("headline of %s", question).isTrue();
        return text(m.group());
    }

    /** What a reader sees of some HTML: tags dropped, white space collapsed. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"")
                .replaceAll("\\s+", " ").strip();
    }
}

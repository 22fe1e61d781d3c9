package nl.peilbot.channel.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import nl.peilbot.system.LanguageResolver;

@WebMvcTest(ChatPageController.class)
@Import(LanguageResolver.class)
@AutoConfigureMockMvc(addFilters = false)
class ChatPageControllerTests {

    @Autowired
    MockMvc mvc;

    @Nested
    class Page {

        @Test
        void shouldEmbedTheWidgetForTheSurvey() throws Exception {
            mvc.perform(get("/chat/ai-in-hospitals-2020"))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith("text/html"))
                    .andExpect(content().string(containsString("<peilbot-chat survey=\"ai-in-hospitals-2020\" lang=\"nl\"")))
                    .andExpect(content().string(containsString("<script src=\"/widget/peilbot.js\"></script>")))
                    .andExpect(content().string(not(containsString("{{"))));
        }

        @Test
        void shouldFollowTheBrowsersLanguage() throws Exception {
            mvc.perform(get("/chat/ai-in-hospitals-2020").header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
                    .andExpect(content().string(containsString("<html lang=\"en\">")))
                    .andExpect(content().string(containsString("This questionnaire needs JavaScript.")));
        }

        @Test
        void shouldPreferAnExplicitLanguage() throws Exception {
            mvc.perform(get("/chat/ai-in-hospitals-2020?lang=nl").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(content().string(containsString("<html lang=\"nl\">")));
        }

        @Test
        void shouldRefuseSurveyIdsThatCannotBeSurveys() throws Exception {
            mvc.perform(get("/chat/<script>")).andExpect(status().isNotFound());
            mvc.perform(get("/chat/" + "a".repeat(65))).andExpect(status().isNotFound());
        }
    }

    @Nested
    class UiMessages {

        @Test
        void shouldServeDutchByDefault() throws Exception {
            mvc.perform(get("/chat/ui-messages"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.send").value("Versturen"))
                    .andExpect(jsonPath("$.reconnecting").value("Verbinding verbroken, opnieuw verbinden…"));
        }

        @Test
        void shouldServeEnglish() throws Exception {
            mvc.perform(get("/chat/ui-messages?lang=en"))
                    .andExpect(jsonPath("$.send").value("Send"))
                    .andExpect(jsonPath("$.placeholder").value("Type your answer…"));
        }

        @Test
        void shouldFallBackToDutchForOtherLanguages() throws Exception {
            mvc.perform(get("/chat/ui-messages?lang=fr")).andExpect(jsonPath("$.send").value("Versturen"));
        }

        @Test
        void shouldBeReadableFromOtherSites() throws Exception {
            mvc.perform(get("/chat/ui-messages").header(HttpHeaders.ORIGIN, "https://ziekenhuis.example"))
                    .andExpect(header().string(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*"));
        }
    }
}

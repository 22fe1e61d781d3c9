package nl.peilbot.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

class SecurityConfigurationTests {

    static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("organiser:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The web slice leaves security out here; this switches it on so the real rules apply. */
    @EnableWebSecurity
    static class WebSecurity {
    }

    /**
     * Answers every path the rules distinguish, so the status shows what security decided. A test component, so
     * that the application's component scan leaves it out of other tests' contexts.
     */
    @TestComponent
    @RestController
    static class Probe {

        @GetMapping({"/", "/chat/ai-in-hospitals-2020", "/widget/peilbot.js", "/ws/chat", "/api/ping", "/console"})
        String get() {
            return "ok";
        }

        @PostMapping("/api/ping")
        String post() {
            return "ok";
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class})
    @TestPropertySource(properties = "peilbot.organiser.password=s3cret")
    class WithPassword {

        @Autowired
        MockMvc mvc;

        @Test
        void shouldLetRespondentsInWithoutLogin() throws Exception {
            mvc.perform(get("/")).andExpect(status().isOk());
            mvc.perform(get("/chat/ai-in-hospitals-2020")).andExpect(status().isOk());
            mvc.perform(get("/widget/peilbot.js")).andExpect(status().isOk());
            mvc.perform(get("/ws/chat")).andExpect(status().isOk());
        }

        @Test
        void shouldAskForTheOrganiserOnTheApi() throws Exception {
            mvc.perform(get("/api/ping")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("wrong"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("s3cret"))).andExpect(status().isOk());
        }

        @Test
        void shouldAcceptApiPostsWithoutCsrfToken() throws Exception {
            mvc.perform(post("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("s3cret"))).andExpect(status().isOk());
        }

        @Test
        void shouldProtectWhatIsNotPublic() throws Exception {
            mvc.perform(get("/console")).andExpect(status().isUnauthorized());
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class})
    @TestPropertySource(properties = {"peilbot.organiser.password=", "PEILBOT_ORGANISER_PASSWORD="})
    class WithoutPassword {

        @Autowired
        MockMvc mvc;

        @Test
        void shouldRefuseEveryoneOnTheApi() throws Exception {
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic(""))).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser"))).andExpect(status().isUnauthorized());
        }

        @Test
        void shouldStillServeTheChat() throws Exception {
            mvc.perform(get("/chat/ai-in-hospitals-2020")).andExpect(status().isOk());
        }
    }
}

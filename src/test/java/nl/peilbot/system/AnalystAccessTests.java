package nl.peilbot.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The analyst's rule: {@code /results} and {@code /api/results} for user analyst only, nobody without a password. */
class AnalystAccessTests {

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @EnableWebSecurity
    static class WebSecurity {
    }

    @TestComponent
    @RestController
    static class Probe {

        @GetMapping({"/results", "/results/results.js", "/api/results/waves", "/api/invitations"})
        String get() {
            return "ok";
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class})
    @TestPropertySource(properties = {"peilbot.organiser.password=o-secret", "peilbot.analyst.password=a-secret"})
    class WithPasswords {

        @Autowired
        MockMvc mvc;

        @Test
        void shouldLetOnlyTheAnalystUseTheResultsApi() throws Exception {
            String path = "/api/results/waves";
            mvc.perform(get(path)).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("organiser", "o-secret"))).andExpect(status().isForbidden());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("analyst", "wrong"))).andExpect(status().isUnauthorized());
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, basic("analyst", "a-secret"))).andExpect(status().isOk());
        }

        @Test
        void shouldLetOnlyALoggedInAnalystSeeTheResultsPages() throws Exception {
            for (String path : new String[] {"/results", "/results/results.js"}) {
                mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
                mvc.perform(get(path).with(user("organiser").roles("ORGANISER"))).andExpect(status().isForbidden());
                mvc.perform(get(path).with(user("analyst").roles("ANALYST"))).andExpect(status().isOk());
            }
        }

        @Test
        void shouldKeepTheOrganisersApiFromTheAnalyst() throws Exception {
            mvc.perform(get("/api/invitations").header(HttpHeaders.AUTHORIZATION, basic("analyst", "a-secret")))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/invitations").header(HttpHeaders.AUTHORIZATION, basic("organiser", "o-secret")))
                    .andExpect(status().isOk());
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class})
    @TestPropertySource(properties = {"peilbot.organiser.password=o-secret", "peilbot.analyst.password=",
            "PEILBOT_ANALYST_PASSWORD="})
    class WithoutAnalystPassword {

        @Autowired
        MockMvc mvc;

        @Test
        void shouldRefuseEveryoneOnTheResults() throws Exception {
            mvc.perform(get("/api/results/waves").header(HttpHeaders.AUTHORIZATION, basic("analyst", "")))
                    .andExpect(status().isUnauthorized());
            mvc.perform(get("/api/results/waves").header(HttpHeaders.AUTHORIZATION, basic("analyst", "analyst")))
                    .andExpect(status().isUnauthorized());
        }
    }
}

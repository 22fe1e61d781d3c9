package nl.peilbot.system;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import nl.peilbot.testsupport.MovableClock;
import java.time.Instant;

/** The rules themselves, on probe endpoints; {@code RouteAccessTests} checks every real route. */
class SecurityConfigurationTests {

    static final String BOTH_HASH = new BCryptPasswordEncoder().encode("both-secret");
    static final String ANALYST_HASH = new BCryptPasswordEncoder().encode("analyst-secret");

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The web slice leaves security out here; this switches it on so the real rules apply. */
    @EnableWebSecurity
    static class WebSecurity {
    }

    /** Answers every path the rules distinguish, so the status shows what security decided. */
    @TestComponent
    @RestController
    static class Probe {

        @GetMapping({"/", "/chat/ai-in-hospitals-2020", "/widget/peilbot.js", "/ws/chat", "/api/ping", "/console",
                "/results/x", "/api/results/x", "/login", "/something-new"})
        String get() {
            return "ok";
        }

        @PostMapping({"/api/ping", "/console/api/x", "/telegram/webhook"})
        String post() {
            return "ok";
        }
    }

    /** The one clock, standing still until a test moves it. */
    @TestComponent
    static class Clocks {

        @org.springframework.context.annotation.Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class, Clocks.class})
    @TestPropertySource(properties = "peilbot.organiser.password=s3cret")
    class WithAccounts {

        @Autowired
        MockMvc mvc;

        @Autowired
        MovableClock clock;

        @org.springframework.test.context.DynamicPropertySource
        static void accounts(org.springframework.test.context.DynamicPropertyRegistry registry) {
            // A list binds from one property source, so every part of the accounts is given here.
            registry.add("peilbot.accounts[0].username", () -> "both");
            registry.add("peilbot.accounts[0].roles", () -> "ORGANISER,ANALYST");
            registry.add("peilbot.accounts[1].username", () -> "ana");
            registry.add("peilbot.accounts[1].roles", () -> "ANALYST");
            registry.add("peilbot.accounts[0].password-hash", () -> BOTH_HASH);
            registry.add("peilbot.accounts[1].password-hash", () -> ANALYST_HASH);
        }

        @Test
        void shouldLetRespondentsInWithoutLogin() throws Exception {
            mvc.perform(get("/")).andExpect(status().isOk());
            mvc.perform(get("/chat/ai-in-hospitals-2020")).andExpect(status().isOk());
            mvc.perform(get("/widget/peilbot.js")).andExpect(status().isOk());
            mvc.perform(get("/ws/chat")).andExpect(status().isOk());
            mvc.perform(get("/login")).andExpect(status().isOk());
            mvc.perform(post("/telegram/webhook")).andExpect(status().isOk());
        }

        @Test
        void shouldAskForAnOrganiserOnTheApiWithHttpBasic() throws Exception {
            mvc.perform(get("/api/ping")).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "wrong"))).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret"))).andExpect(status().isOk());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("both", "both-secret"))).andExpect(status().isOk());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("ana", "analyst-secret"))).andExpect(status().isForbidden());
            mvc.perform(get("/api/results/x").header(HttpHeaders.AUTHORIZATION, basic("ana", "analyst-secret"))).andExpect(status().isOk());
            mvc.perform(get("/api/results/x").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret"))).andExpect(status().isForbidden());
        }

        @Test
        void shouldAcceptApiPostsWithoutCsrfToken() throws Exception {
            mvc.perform(post("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret"))).andExpect(status().isOk());
        }

        @Test
        void shouldSendPeopleWithoutLoginToTheLoginPage() throws Exception {
            mvc.perform(get("/console")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/results/x")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
            mvc.perform(get("/something-new")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        }

        @Test
        void shouldNotTakeHttpBasicOnThePages() throws Exception {
            mvc.perform(get("/console").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret")))
                    .andExpect(status().isFound());
        }

        @Test
        void shouldLogInWithTheFormAndTheBcryptHash() throws Exception {
            mvc.perform(formLogin("/login").user("both").password("both-secret"))
                    .andExpect(authenticated().withRoles("ORGANISER", "ANALYST")).andExpect(redirectedUrl("/console"));
            mvc.perform(formLogin("/login").user("both").password("nope"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }

        @Test
        void shouldLandAnAnalystOnTheResults() throws Exception {
            mvc.perform(formLogin("/login").user("ana").password("analyst-secret"))
                    .andExpect(authenticated().withRoles("ANALYST")).andExpect(redirectedUrl("/results"));
        }

        @Test
        void shouldRefuseALoginWithoutCsrfToken() throws Exception {
            mvc.perform(post("/login").param("username", "both").param("password", "both-secret"))
                    .andExpect(status().isForbidden());
        }

        @Test
        void shouldKeepRolesApart() throws Exception {
            mvc.perform(get("/console").with(user("a").roles("ANALYST"))).andExpect(status().isForbidden());
            mvc.perform(get("/results/x").with(user("o").roles("ORGANISER"))).andExpect(status().isForbidden());
            mvc.perform(get("/console").with(user("o").roles("ORGANISER"))).andExpect(status().isOk());
            mvc.perform(get("/results/x").with(user("a").roles("ANALYST"))).andExpect(status().isOk());
        }

        @Test
        @DirtiesContext
        void shouldRefuseTheRightPasswordAfterManyWrongOnesUntilTheWaitIsOver() throws Exception {
            for (int i = 0; i < 60; i++) {
                mvc.perform(formLogin("/login").user("both").password("guess" + i)).andExpect(unauthenticated());
            }

            mvc.perform(formLogin("/login").user("both").password("both-secret"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?throttled"));
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("both", "both-secret")))
                    .andExpect(status().isTooManyRequests())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().exists(HttpHeaders.RETRY_AFTER));
            // Another account from the same address is not locked out yet.
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret")))
                    .andExpect(status().isOk());

            clock.advance(LoginThrottle.LONGEST_WAIT);
            mvc.perform(formLogin("/login").user("both").password("both-secret"))
                    .andExpect(authenticated()).andExpect(redirectedUrl("/console"));
        }

        @Test
        @DirtiesContext
        void shouldThrottleHttpBasicGuessesToo() throws Exception {
            for (int i = 0; i <= LoginThrottle.ACCOUNT_FREE_FAILURES; i++) {
                mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "guess" + i)))
                        .andExpect(status().isUnauthorized());
            }

            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", "s3cret")))
                    .andExpect(status().isTooManyRequests());
        }

        @Test
        void shouldAskForTheCsrfTokenOfALoginSessionWhateverAuthorizationHeaderComesAlong() throws Exception {
            var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(formLogin("/login").user("both").password("both-secret"))
                    .andExpect(authenticated()).andReturn().getRequest().getSession(false);

            mvc.perform(post("/api/ping").session(session).header(HttpHeaders.AUTHORIZATION, "Bearer anything"))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/ping").session(session).header(HttpHeaders.AUTHORIZATION, basic("nobody", "x")))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/ping").session(session).with(csrf())).andExpect(status().isOk());
        }

        @Test
        void shouldAnswerATamperedCsrfTokenWith403() throws Exception {
            var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(formLogin("/login").user("both").password("both-secret"))
                    .andExpect(authenticated()).andReturn().getRequest().getSession(false);

            for (String tampered : new String[] {"!!!not-base64!!!", "AAAA", "", "x".repeat(300)}) {
                mvc.perform(post("/api/ping").session(session).header("X-CSRF-TOKEN", tampered)).andExpect(status().isForbidden());
                mvc.perform(post("/console/api/x").session(session).param("_csrf", tampered)).andExpect(status().isForbidden());
            }
        }

        @Test
        void shouldRefuseConsoleChangesWithoutCsrfToken() throws Exception {
            mvc.perform(post("/console/api/x").with(user("o").roles("ORGANISER"))).andExpect(status().isForbidden());
            mvc.perform(post("/console/api/x").with(user("o").roles("ORGANISER")).with(csrf())).andExpect(status().isOk());
        }
    }

    @Nested
    @WebMvcTest(controllers = Probe.class)
    @Import({SecurityConfiguration.class, Probe.class, WebSecurity.class})
    @TestPropertySource(properties = {"peilbot.organiser.password=", "PEILBOT_ORGANISER_PASSWORD="})
    class WithoutAccounts {

        @Autowired
        MockMvc mvc;

        @Test
        void shouldRefuseEveryoneOnTheApi() throws Exception {
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("organiser", ""))).andExpect(status().isUnauthorized());
            mvc.perform(get("/api/ping").header(HttpHeaders.AUTHORIZATION, basic("admin", "admin"))).andExpect(status().isUnauthorized());
        }

        @Test
        void shouldStillServeTheChat() throws Exception {
            mvc.perform(get("/chat/ai-in-hospitals-2020")).andExpect(status().isOk());
        }
    }
}

package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application registers, with every method it answers, is tried as anonymous, analyst and
 * organiser: respondents' routes are open, the rest needs the right role. A new route cannot slip through.
 */
class RouteAccessTests extends ConsoleTestBase {

    private static final List<String> PUBLIC = List.of("/chat/", "/widget/", "/ws/", "/telegram/webhook", "/login", "/error",
            "/mail/decline");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    record Route(HttpMethod method, String path) {
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replace("{survey}", WAVE_2020).replaceAll("\\{[^}]+}", "x");
                if (methods.isEmpty()) {
                    routes.add(new Route(HttpMethod.GET, path));
                }
                methods.forEach(method -> routes.add(new Route(HttpMethod.valueOf(method.name()), path)));
            }
        }
        return routes;
    }

    private static boolean isPublic(String path) {
        return PUBLIC.stream().anyMatch(path::startsWith);
    }

    private MockMvcResponse call(Route route, MockHttpServletRequestBuilderCustomizer customizer) throws Exception {
        MockHttpServletRequestBuilder request = request(route.method(), route.path());
        customizer.customize(request);
        return new MockMvcResponse(mvc.perform(request).andReturn().getResponse());
    }

    interface MockHttpServletRequestBuilderCustomizer {
        void customize(MockHttpServletRequestBuilder request);
    }

    record MockMvcResponse(MockHttpServletResponse response) {

        boolean sentToLogin() {
            return response.getStatus() == 302 && "/login".equals(response.getRedirectedUrl())
                    || response.getStatus() == 401;
        }
    }

    @Test
    void shouldFindTheConsoleRoutes() {
        assertThat(routes()).extracting(Route::path).contains("/console", "/console/waves/" + WAVE_2020,
                "/console/api/waves/" + WAVE_2020 + "/dashboard", "/console/api/waves/" + WAVE_2020 + "/invitations/upload",
                "/console/api/waves/" + WAVE_2020 + "/reminders", "/api/invitations", "/login");
    }

    @Test
    void shouldKeepEveryNonRespondentRouteFromAnonymousVisitors() throws Exception {
        for (Route route : routes()) {
            MockMvcResponse response = call(route, request -> request.with(csrf()));
            if (isPublic(route.path())) {
                assertThat(response.sentToLogin()).as(route + " is open to respondents").isFalse();
            } else {
                assertThat(response.sentToLogin()).as(route + " needs a login").isTrue();
            }
        }
    }

    @Test
    void shouldKeepAnalystsOutOfTheConsoleAndTheOrganisersApi() throws Exception {
        for (Route route : routes()) {
            if (isPublic(route.path()) || route.path().startsWith("/results") || route.path().startsWith("/api/results")) {
                continue;
            }
            MockMvcResponse response = call(route, request -> request.with(user("ana").roles("ANALYST")).with(csrf()));
            assertThat(response.response().getStatus()).as(route + " for an analyst").isEqualTo(403);
        }
    }

    @Test
    void shouldLetOrganisersIntoTheConsole() throws Exception {
        for (Route route : routes()) {
            if (!route.path().startsWith("/console")) {
                continue;
            }
            MockMvcResponse response = call(route, request -> request.with(user("olga").roles("ORGANISER")).with(csrf()));
            assertThat(response.response().getStatus()).as(route + " for an organiser").isNotIn(401, 403, 302);
        }
    }

    @Test
    void shouldRefuseConsoleChangesWithoutTheCsrfToken() throws Exception {
        for (Route route : routes()) {
            if (!route.path().startsWith("/console") || route.method() == HttpMethod.GET) {
                continue;
            }
            MockMvcResponse response = call(route, request -> request.with(user("olga").roles("ORGANISER")));
            assertThat(response.response().getStatus()).as(route + " without CSRF token").isEqualTo(403);
        }
    }
}

package nl.peilbot.system;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

import com.mongodb.client.MongoDatabase;

/**
 * Who may reach what. Respondents' endpoints (chat page, widget, WebSocket, Telegram webhook) are open: the token
 * inside the protocol is their proof. People log in with a form (a session that expires, CSRF on every form) for
 * the console ({@code ORGANISER}) and the results pages ({@code ANALYST}); scripts use HTTP basic on
 * {@code /api/**} with the same accounts. Anything else needs an organiser, so a new route is never open by
 * accident.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountsProperties.class)
class SecurityConfiguration {

    /** The account of {@code PEILBOT_ORGANISER_PASSWORD}, kept for {@code scripts/invite} and {@code scripts/run}. */
    static final String ORGANISER = "organiser";

    /** The account of {@code PEILBOT_ANALYST_PASSWORD}, for the results pages and {@code /api/results}. */
    static final String ANALYST = "analyst";

    /** Paths respondents use without logging in. */
    static final String[] PUBLIC_PATHS = {"/", "/index.html", "/error", "/favicon.ico", "/login",
            "/chat/**", "/widget/**", "/ws/**", "/telegram/webhook", "/mail/decline"};

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /**
     * The actuator: health (with the database's status, no details) for anyone, so load balancers and uptime
     * checks need no account; Prometheus metrics for accounts with the role {@code METRICS} or {@code ORGANISER}
     * over HTTP basic; nothing else.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Roles.METRICS, Roles.ORGANISER)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(SecurityConfiguration::hardened);
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/results/**").hasRole(Roles.ANALYST)
                        .anyRequest().hasRole(Roles.ORGANISER))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(basicEntryPoint())
                        .accessDeniedHandler((request, response, denied) -> writeProblem(response, HttpStatus.FORBIDDEN,
                                "This account may not use " + request.getRequestURI(), request.getRequestURI())))
                // Scripts send HTTP basic without a session and need no token; a request that comes with a login
                // session (the results page) needs the CSRF token like any form, whatever other headers it has.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getSession(false) == null))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(SecurityConfiguration::hardened);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // An async dispatch (server-sent events) goes on with a request that was authorised already.
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/console/**").hasRole(Roles.ORGANISER)
                        .requestMatchers("/results/**").hasRole(Roles.ANALYST)
                        .anyRequest().hasRole(Roles.ORGANISER))
                .formLogin(form -> form.loginPage("/login").successHandler(landingPage()).failureHandler(loginFailure())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // The chat carries no cookie authority, and Telegram signs its webhook with a secret header instead.
                // A mail's one-click decline (RFC 8058) is a POST from the mail client, proven by its signed token.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/ws/**", "/telegram/webhook", "/mail/decline"))
                .headers(SecurityConfiguration::hardened);
        return http.build();
    }

    /**
     * Headers of every answer. HSTS is sent on secure requests only, which behind a TLS proxy are those with
     * {@code X-Forwarded-Proto: https} ({@code server.forward-headers-strategy}).
     */
    private static void hardened(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentSecurityPolicy.APP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                .frameOptions(frame -> frame.sameOrigin())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000));
    }

    /** After login: the page asked for, else the console for organisers and the results for analysts. */
    private static AuthenticationSuccessHandler landingPage() {
        return new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) {
                boolean organiser = authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ORGANISER));
                return organiser ? "/console" : "/results";
            }
        };
    }

    /** A throttled login goes back to the form with its own notice; any other failure with the usual one. */
    private static AuthenticationFailureHandler loginFailure() {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setExceptionMappings(Map.of(
                ThrottledAuthenticationProvider.LoginThrottledException.class.getName(), "/login?throttled"));
        failure.setDefaultFailureUrl("/login?error");
        return failure;
    }

    /**
     * HTTP basic: 401 asking for credentials, or 429 with Retry-After while the login is throttled; both as RFC 9457
     * problem details, as the API's OpenAPI description documents them.
     */
    private static AuthenticationEntryPoint basicEntryPoint() {
        return (request, response, exception) -> {
            if (exception instanceof ThrottledAuthenticationProvider.LoginThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
                writeProblem(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage(), request.getRequestURI());
            } else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Peilbot\"");
                writeProblem(response, HttpStatus.UNAUTHORIZED, "Log in with HTTP basic", request.getRequestURI());
            }
        };
    }

    private static void writeProblem(HttpServletResponse response, HttpStatus status, String detail, String instance)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":" + json(status.getReasonPhrase())
                + ",\"status\":" + status.value() + ",\"detail\":" + json(detail) + (instance == null ? "" : ",\"instance\":" + json(instance)) + "}");
    }

    private static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * The firewall of Spring Security with HTTP's QUERY method let through, so that Spring MVC answers it like any
     * other method a route does not take: 405 with Allow, not a 400 from the firewall.
     */
    @Bean
    org.springframework.security.web.firewall.HttpFirewall httpFirewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall =
                new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowedHttpMethods(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"));
        return firewall;
    }

    /** A request the firewall refuses (e.g. an encoded slash or a control character in the path): 400, a problem detail. */
    @Bean
    org.springframework.security.web.firewall.RequestRejectedHandler requestRejected() {
        return (request, response, rejected) -> writeProblem(response, HttpStatus.BAD_REQUEST,
                "The request's address or method is not accepted", null);
    }

    @Bean
    LoginThrottle loginThrottle(ObjectProvider<Clock> clock) {
        return new LoginThrottle(clock.getIfAvailable(Clock::systemUTC));
    }

    /** Every login (form and HTTP basic) goes through the throttle before its password is checked. */
    @Bean
    AuthenticationProvider throttledLogins(UserDetailsService accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accounts(AccountsProperties properties, PasswordEncoder encoder, ObjectProvider<MongoDatabase> database, ObjectProvider<Clock> clock) {
        List<AccountsProperties.Account> configured = new ArrayList<>(properties.accounts());
        if (properties.organiser().isSet()) {
            configured.add(new AccountsProperties.Account(ORGANISER, encoder.encode(properties.organiser().password()),
                    Set.of(Roles.ORGANISER)));
        }
        if (properties.analyst().isSet()) {
            configured.add(new AccountsProperties.Account(ANALYST, encoder.encode(properties.analyst().password()),
                    Set.of(Roles.ANALYST)));
        }
        MongoDatabase mongo = database.getIfAvailable();
        BootstrapAccount bootstrap = mongo == null ? null
                : new BootstrapAccount(mongo, encoder, clock.getIfAvailable(Clock::systemUTC));
        if (configured.isEmpty()) {
            if (bootstrap == null) {
                log.warn("No accounts configured (peilbot.accounts) and no database for a bootstrap account: nobody can log in");
            } else {
                bootstrap.ensure(System.out);
            }
        }
        return new AccountDetailsService(configured, bootstrap);
    }
}

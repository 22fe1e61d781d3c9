package nl.peilbot.system;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The chat (page, widget, WebSocket) is public: respondents prove who they are with the token inside the
 * protocol; so is the Telegram webhook, which checks Telegram's secret header itself. The organisers' API needs
 * HTTP basic user {@code organiser}, the analysts' results (page and {@code /api/results}) user {@code analyst};
 * without a configured password nobody gets in as that user, rather than falling back to a generated or default one.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ORGANISER = "organiser";
    static final String ANALYST = "analyst";
    static final String ANALYST_ROLE = "ANALYST";

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/", "/index.html", "/error", "/favicon.ico").permitAll()
                        .requestMatchers("/chat/**", "/widget/**", "/ws/**").permitAll()
                        // Telegram proves itself with the webhook secret header, checked by the controller.
                        .requestMatchers("/telegram/webhook").permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations()).permitAll()
                        .requestMatchers("/api/results/**", "/results", "/results/**").hasRole(ANALYST_ROLE)
                        .requestMatchers("/api/**").hasRole(ORGANISER)
                        .anyRequest().hasRole(ORGANISER))
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/ws/**", "/telegram/webhook"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${peilbot.organiser.password:${PEILBOT_ORGANISER_PASSWORD:}}") String organiserPassword,
                             @Value("${peilbot.analyst.password:${PEILBOT_ANALYST_PASSWORD:}}") String analystPassword,
                             PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (organiserPassword == null || organiserPassword.isBlank()) {
            log.warn("No organiser password configured (PEILBOT_ORGANISER_PASSWORD): the /api endpoints refuse everyone");
        } else {
            users.add(User.withUsername(ORGANISER).password(encoder.encode(organiserPassword)).roles(ORGANISER).build());
        }
        if (analystPassword == null || analystPassword.isBlank()) {
            log.warn("No analyst password configured (PEILBOT_ANALYST_PASSWORD): /results and /api/results refuse everyone");
        } else {
            users.add(User.withUsername(ANALYST).password(encoder.encode(analystPassword)).roles(ANALYST_ROLE).build());
        }
        return new InMemoryUserDetailsManager(users);
    }
}

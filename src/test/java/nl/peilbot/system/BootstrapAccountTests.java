package nl.peilbot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.testsupport.FerretDb;

/** The first-run account: printed once, stored only as a bcrypt hash, replaced by configured accounts. */
class BootstrapAccountTests {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static MongoDatabase database;

    @BeforeAll
    static void connect() {
        database = FerretDb.database("bootstrap_account");
    }

    private static String printed(BootstrapAccount bootstrap) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        bootstrap.ensure(new PrintStream(console, true, StandardCharsets.UTF_8));
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintTheOneTimePasswordOnceAndKeepOnlyItsHash() {
        BootstrapAccount bootstrap = new BootstrapAccount(database, ENCODER, Clock.systemUTC());

        String first = printed(bootstrap);
        Matcher password = Pattern.compile("\\n {4}(\\S+)\\n").matcher(first.replace("\r", ""));
        assertThat(password.find()).as(first).isTrue();
        String secret = password.group(1);

        assertThat(printed(bootstrap)).as("printed only once").isEmpty();
        Document stored = database.getCollection(BootstrapAccount.COLLECTION).find().first();
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}$2").doesNotContain(secret);
        assertThat(stored.toJson()).doesNotContain(secret);

        AccountDetailsService accounts = new AccountDetailsService(List.of(), bootstrap);
        UserDetails admin = accounts.loadUserByUsername("admin");
        assertThat(ENCODER.matches(secret, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ORGANISER", "ROLE_ANALYST");

        AccountDetailsService configured = new AccountDetailsService(List.of(new AccountsProperties.Account("olga",
                ENCODER.encode("x"), Set.of("ORGANISER"))), bootstrap);
        assertThatThrownBy(() -> configured.loadUserByUsername("admin")).as("configured accounts replace it")
                .isInstanceOf(UsernameNotFoundException.class);
        assertThat(configured.loadUserByUsername("OLGA").getUsername()).isEqualTo("olga");
    }
}

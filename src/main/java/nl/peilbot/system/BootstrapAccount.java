package nl.peilbot.system;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.security.crypto.password.PasswordEncoder;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The first-run account {@code admin} (ORGANISER and ANALYST) for a service with no configured accounts: its
 * random password is printed once to the console (standard output, not the log) and kept only as a bcrypt hash in
 * the {@code accounts} collection.
 */
final class BootstrapAccount {

    static final String COLLECTION = "accounts";
    static final String USERNAME = "admin";

    private final MongoCollection<Document> accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    BootstrapAccount(MongoDatabase database, PasswordEncoder encoder, Clock clock) {
        this.accounts = database.getCollection(COLLECTION);
        this.encoder = encoder;
        this.clock = clock;
    }

    /** Makes the account and prints its password, unless it exists (then nothing is printed). */
    void ensure(PrintStream console) {
        if (accounts.find(Filters.eq("_id", USERNAME)).first() != null) {
            return;
        }
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        try {
            accounts.insertOne(new Document("_id", USERNAME)
                    .append("passwordHash", encoder.encode(password))
                    .append("roles", List.of(Roles.ORGANISER, Roles.ANALYST))
                    .append("createdAt", Date.from(clock.instant())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return;
            }
            throw e;
        }
        console.println();
        console.println("Peilbot first run: no accounts are configured. Log in at /login as '" + USERNAME
                + "' with this password, shown only now:");
        console.println("    " + password);
        console.println("Configure peilbot.accounts (docs/console.md) to replace this account.");
        console.println();
    }

    Optional<AccountsProperties.Account> find(String username) {
        if (!USERNAME.equals(username)) {
            return Optional.empty();
        }
        return Optional.ofNullable(accounts.find(Filters.eq("_id", USERNAME)).first())
                .map(document -> new AccountsProperties.Account(USERNAME, document.getString("passwordHash"),
                        Set.copyOf(document.getList("roles", String.class, List.of()))));
    }
}

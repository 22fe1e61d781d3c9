package nl.peilbot.flow;

import java.util.regex.Pattern;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars like YAML 1.2 does for booleans: only {@code true}/{@code false}.
 *
 * <p>YAML 1.1 (snakeyaml's default) reads {@code yes}, {@code no}, {@code on} and {@code off} as
 * booleans, which would silently turn the option codes {@code yes}/{@code no} into "true"/"false".
 * Timestamps stay strings too, so a text never becomes a date.
 */
final class FlowYamlResolver extends Resolver {

    private static final Pattern BOOLEAN = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOLEAN, "tTfF", 10);
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
        addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
        addImplicitResolver(Tag.NULL, EMPTY, null, 10);
    }
}

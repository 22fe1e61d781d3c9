package nl.peilbot.results;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents, in one place, the RFC 9457 problem details every results operation can answer: 400 (a bad parameter
 * or body), 401 (no or wrong HTTP basic credentials), 403 (not an analyst), 404 (unknown wave, question, part,
 * category or respondent). Path parameters are ids ({@link #ID_PATTERN}); anything else is refused before it
 * reaches a route.
 */
@Component
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    /** Survey, wave, question, part, category and respondent ids: what the flows and pseudonyms are made of. */
    static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";
    private static final String SCHEMA = "ProblemDetail";
    private static final Map<String, String> PROBLEMS = Map.of(
            "400", "Invalid parameter or body (problem detail)",
            "401", "No or wrong HTTP basic credentials (problem detail)",
            "403", "Not allowed for this account (problem detail)",
            "404", "Unknown wave, question, part, category or respondent (problem detail)");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(SCHEMA, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        for (PathItem path : openApi.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                if (operation.getParameters() != null) {
                    operation.getParameters().stream()
                            .filter(p -> "path".equals(p.getIn()) && p.getSchema() != null && p.getSchema().getPattern() == null)
                            .forEach(p -> p.getSchema().setPattern(ID_PATTERN));
                }
                PROBLEMS.forEach((status, description) -> responses.putIfAbsent(status, problem(description)));
                operation.setResponses(responses);
            }
        }
    }

    private static ApiResponse problem(String description) {
        Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + SCHEMA);
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(reference)));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
    }
}

package no.partnerskap.security;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * OpenAPI 3.1 reads a plain {@code type: string} as "never null", and a generated client broke on the first null
 * it met (a partnership without a parent, a commitment not overdue). Each schema's class is noted as its name is
 * given; then every field that is not a primitive, nor declared {@code @NotNull}, {@code @NotBlank} or
 * {@code @NotEmpty}, is documented as one that may be null.
 */
final class NullableFields {

    /**
     * Shared by every application context in the JVM: swagger-core keeps its model converters in one static list,
     * so the resolver of the context started first names the classes of all (a name stands for the same class in
     * each).
     */
    private static final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** Notes the class behind a schema name; answers the name. */
    String named(String name, Class<?> type) {
        classes.put(name, type);
        return name;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    OpenApiCustomizer customizer() {
        return api -> {
            if (api.getComponents() == null || api.getComponents().getSchemas() == null) {
                return;
            }
            api.getComponents().getSchemas().forEach((name, schema) -> {
                Class<?> type = classes.get(name);
                Map<String, Schema> properties = schema.getProperties();
                if (type != null && properties != null) {
                    properties.replaceAll((field, property) -> mayBeNull(type, field) ? orNull(property) : property);
                }
            });
        };
    }

    private static boolean mayBeNull(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                var declared = c.getDeclaredField(field);
                return !declared.getType().isPrimitive() && !mandatory(declared)
                        && (!c.isRecord() || !mandatory(c.getDeclaredMethod(field)));
            } catch (NoSuchFieldException | NoSuchMethodException notHere) {
                // a superclass may declare it
            }
        }
        return false;
    }

    private static boolean mandatory(AnnotatedElement element) {
        return Stream.of(element.getAnnotations()).map(Annotation::annotationType)
                .anyMatch(a -> a == NotNull.class || a == NotBlank.class || a == NotEmpty.class);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema orNull(Schema property) {
        if (property.get$ref() != null) {
            // nothing may stand beside a reference: either what it refers to, or null
            return new JsonSchema().anyOf(List.of(new JsonSchema().$ref(property.get$ref()),
                    new JsonSchema().types(Set.of("null")))).description(property.getDescription());
        }
        Set<String> types = property.getTypes() != null && !property.getTypes().isEmpty()
                ? new LinkedHashSet<>(property.getTypes())
                : property.getType() != null ? new LinkedHashSet<>(List.of(property.getType())) : null;
        if (types != null) {
            types.add("null");
            property.setTypes(types);
        }
        return property;
    }
}

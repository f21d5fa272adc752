package no.partnerskap.commitments.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.cfg.ConstraintMapping;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfiguration implements WebMvcConfigurer {

    private final WriteContextResolver writeContexts;

    WebConfiguration(WriteContextResolver writeContexts) {
        this.writeContexts = writeContexts;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(writeContexts);
    }

    /**
     * Every {@code @NotBlank} field needs a visible character, and every {@code @Size} on text counts characters:
     * one mapping rather than a new annotation on each field.
     */
    @Bean
    ValidationConfigurationCustomizer notBlankMeansVisibleText() {
        return configuration -> {
            HibernateValidatorConfiguration hibernate = (HibernateValidatorConfiguration) configuration;
            ConstraintMapping mapping = hibernate.createConstraintMapping();
            mapping.constraintDefinition(NotBlank.class).includeExistingValidators(false)
                    .validatedBy(VisibleTextValidator.class);
            // text lengths in characters, as the API document states them; lists keep their own validators
            mapping.constraintDefinition(Size.class).includeExistingValidators(true)
                    .validatedBy(CodePointSizeValidator.class);
            hibernate.addMapping(mapping);
        };
    }

    /**
     * Dates in request bodies only as YYYY-MM-DD; Jackson's own reader is lenient ({@link IsoDateDeserializer}).
     * Text as JSON strings without control characters ({@link PlainTextDeserializer}), whole numbers as JSON
     * numbers, ids as UUIDs (or null), never as empty text.
     */
    @Bean
    Jackson2ObjectMapperBuilderCustomizer datesAsYyyyMmDdAndPlainText() {
        return builder -> builder.deserializerByType(LocalDate.class, new IsoDateDeserializer())
                .deserializerByType(String.class, new PlainTextDeserializer())
                // a whole number is a JSON number: "40" is text, and 40.5 no whole number
                .postConfigurer(mapper -> {
                    mapper.coercionConfigFor(LogicalType.Integer)
                            .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                    // "" is no id: read as null, it dropped a parent partnership without a word
                    mapper.coercionConfigFor(UUID.class).setCoercion(CoercionInputShape.EmptyString,
                            CoercionAction.Fail);
                });
    }
}

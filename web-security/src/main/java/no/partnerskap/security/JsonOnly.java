package no.partnerskap.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The APIs speak JSON only. Spring adds a reader and writer for every Jackson format on the class path
 * (YAML comes with the API documentation), each with a mapper of its own: a YAML body skipped every check
 * the JSON mapper makes (control characters, fields given twice, enums by name) and was stored, and YAML
 * answers wrote dates as arrays. Other bodies are now 415, other answers 406.
 */
@Configuration
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                && !(converter instanceof MappingJackson2HttpMessageConverter));
    }
}

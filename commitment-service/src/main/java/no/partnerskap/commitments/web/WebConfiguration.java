package no.partnerskap.commitments.web;

import java.util.List;
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
}

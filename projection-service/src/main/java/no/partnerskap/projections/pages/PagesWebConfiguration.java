package no.partnerskap.projections.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The language of the pages: {@code ?lang=nb} or {@code ?lang=en} switches it and a cookie
 * remembers the choice; without a choice, the browser's Accept-Language decides.
 */
@Configuration
class PagesWebConfiguration implements WebMvcConfigurer {

    static final String COOKIE = "lang";
    static final String PARAMETER = "lang";

    /** Named {@code localeResolver} so that it replaces Spring MVC's Accept-Language-only one. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new SupportedLocaleCookieResolver();
        resolver.setDefaultLocaleFunction(PageLocales::fromAcceptLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookiePath("/");
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Pages are HTML whatever their address ends in: Thymeleaf would otherwise take the content type from the
     * extension, and send the "page not found" page of /pages/x.js as JavaScript.
     */
    @Bean
    static BeanPostProcessor htmlWhateverTheAddress() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof ThymeleafViewResolver resolver) {
                    resolver.setForceContentType(true);
                }
                return bean;
            }
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns("/", "/pages/**");
    }

    /** Keeps to the two languages the pages speak, whatever a cookie or a parameter says. */
    static class SupportedLocaleCookieResolver extends CookieLocaleResolver {

        SupportedLocaleCookieResolver() {
            super(COOKIE);
        }

        @Override
        protected Locale parseLocaleValue(String localeValue) {
            Locale parsed = super.parseLocaleValue(localeValue);
            return parsed == null ? null : PageLocales.supported(parsed);
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return PageLocales.supported(super.resolveLocale(request));
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            super.setLocale(request, response, locale == null ? null : PageLocales.supported(locale));
        }
    }
}

package no.partnerskap.security;

import java.io.IOException;
import java.util.Arrays;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat answers itself, before the application sees the request (an address it cannot decode, such as
 * {@code %zz}), as a problem document like every other error, rather than Tomcat's HTML error page.
 */
final class ServerErrorProblems extends ErrorReportValve {

    /** Replaces the host's error report valve (Spring Boot's, which writes HTML) once the host is known. */
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> customizer() {
        return new Installer();
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // as Tomcat's own: only an error nobody has answered yet
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400
                ? "The request cannot be read: its address holds a % that is not followed by two hexadecimal digits, "
                + "or characters an address may not hold; encode them (a space as %20)."
                : title + ".";
        try {
            ProblemResponses.write(request, response, status, title, detail);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client has gone, or the response could not be reset: nothing more to tell
        }
    }

    private static final class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>,
            Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    Arrays.stream(host.getPipeline().getValves()).filter(ErrorReportValve.class::isInstance)
                            .forEach(host.getPipeline()::removeValve);
                    host.setErrorReportValveClass(ServerErrorProblems.class.getName());
                    host.getPipeline().addValve(new ServerErrorProblems());
                }
            });
        }

        /** After Spring Boot's own customizer, which adds its valve. */
        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}

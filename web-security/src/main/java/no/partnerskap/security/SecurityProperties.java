package no.partnerskap.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token issuers a service trusts. Each names the issuer ({@code iss}), where its public
 * keys are published and, optionally, the audience ({@code aud}) its tokens for this service carry.
 */
@ConfigurationProperties("partnerships.security")
public class SecurityProperties {

    public static class Issuer {
        private String issuer;
        private String jwkSetUri;
        private String audience;

        public String getIssuer() {
            return issuer;
        }

        public void setIssuer(String issuer) {
            this.issuer = issuer;
        }

        public String getJwkSetUri() {
            return jwkSetUri;
        }

        public void setJwkSetUri(String jwkSetUri) {
            this.jwkSetUri = jwkSetUri;
        }

        /** When set, a token of this issuer must name it in {@code aud}: one the issuer made for another API is no use here. */
        public String getAudience() {
            return audience;
        }

        public void setAudience(String audience) {
            this.audience = audience;
        }
    }

    private List<Issuer> issuers = new ArrayList<>();
    /** A token that would stay valid longer than this from now is refused: a stolen one must not serve for long. */
    private Duration maxTokenLifetime = ResourceServerSecurity.MAX_TOKEN_LIFETIME;

    public Duration getMaxTokenLifetime() {
        return maxTokenLifetime;
    }

    public void setMaxTokenLifetime(Duration maxTokenLifetime) {
        this.maxTokenLifetime = maxTokenLifetime;
    }

    public List<Issuer> getIssuers() {
        return issuers;
    }

    public void setIssuers(List<Issuer> issuers) {
        this.issuers = issuers;
    }
}

package no.partnerskap.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token issuers a service trusts. Each names the issuer ({@code iss}) and where its public
 * keys are published.
 */
@ConfigurationProperties("partnerships.security")
public class SecurityProperties {

    public static class Issuer {
        private String issuer;
        private String jwkSetUri;

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
    }

    private List<Issuer> issuers = new ArrayList<>();

    public List<Issuer> getIssuers() {
        return issuers;
    }

    public void setIssuers(List<Issuer> issuers) {
        this.issuers = issuers;
    }
}

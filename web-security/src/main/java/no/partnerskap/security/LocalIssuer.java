package no.partnerskap.security;

import org.springframework.security.oauth2.jwt.JwtDecoder;

/** An issuer whose keys this process holds itself (the development issuer in local mode). */
public record LocalIssuer(String issuer, JwtDecoder decoder) {
}

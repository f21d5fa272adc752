package no.partnerskap.testsupport;

import com.fasterxml.jackson.databind.JsonNode;

/** What projection-service's administration says about its processors, for tests that wait on it. */
public final class ReadSide {

    private ReadSide() {
    }

    /**
     * True when every processor of the instance holds its segments, has reached the head of the
     * store and is not replaying: every event written before is then in every read model.
     */
    public static boolean caughtUp(Api instance, String secretariatToken) {
        Api.Response response = instance.get("/admin/projections", secretariatToken);
        if (response.status() != 200 || response.body().isEmpty()) {
            return false;
        }
        for (JsonNode processor : response.body()) {
            if (!processor.path("caughtUp").asBoolean() || processor.path("replaying").asBoolean()) {
                return false;
            }
        }
        return true;
    }
}

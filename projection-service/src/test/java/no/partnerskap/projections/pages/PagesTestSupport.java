package no.partnerskap.projections.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Fetches pages over real HTTP and reads what a person would read off them. */
public final class PagesTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PagesTestSupport() {
    }

    static HttpResponse<String> head(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    }

    static HttpResponse<String> fetch(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The page's HTML, after checking that it answered 200 with HTML. */
    public static String page(int port, String path, String... headers) {
        HttpResponse<String> response = fetch(port, path, headers);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return response.body();
    }

    /** The text of the table row marked {@code attribute="value"}, as a person reads it. */
    public static String row(String html, String attribute, String value) {
        Matcher m = Pattern.compile("<tr[^>]*\\b" + Pattern.quote(attribute + "=\"" + value + "\"") + "[^>]*>(.*?)</tr>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("a row with " + attribute + "=" + value).isTrue();
        return text(m.group(1));
    }

    /** The text of the first element with this id. */
    static String byId(String html, String id) {
        Matcher m = Pattern.compile("<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as("an element with id " + id).isTrue();
        return text(m.group(2));
    }

    static String h1(String html) {
        List<String> h1 = all(html, "<h1[^>]*>(.*?)</h1>");
        assertThat(h1).as("exactly one h1").hasSize(1);
        return text(h1.get(0));
    }

    static String htmlLang(String html) {
        Matcher m = Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"").matcher(html);
        assertThat(m.find()).as("<html lang>").isTrue();
        return m.group(1);
    }

    /** The levels of the headings in document order, e.g. [1, 2, 2, 3]. */
    static List<Integer> headingLevels(String html) {
        List<Integer> levels = new ArrayList<>();
        Matcher m = Pattern.compile("<h([1-6])[\\s>]").matcher(html);
        while (m.find()) {
            levels.add(Integer.parseInt(m.group(1)));
        }
        return levels;
    }

    static List<String> all(String html, String regex) {
        List<String> found = new ArrayList<>();
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /** Tags out, entities of the figures back, whitespace (also no-break spaces) as single spaces. */
    public static String text(String html) {
        return html.replaceAll("(?s)<svg.*?</svg>", " ").replaceAll("<[^>]+>", " ")
                .replace("&nbsp;", " ").replace("\u00a0", " ").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("\\s+", " ").trim();
    }
}

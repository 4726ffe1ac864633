package dev.gatehouse.adapter.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/** The console's own stylesheet and script, and htmx from its WebJar: all served from the jar, nothing from elsewhere. */
final class WebAssets {
  private static final String OWN = "/dev/gatehouse/adapter/web/static/";
  private static final String HTMX_POM = "/META-INF/maven/org.webjars.npm/htmx.org/pom.properties";

  private final byte[] css = read(OWN + "console.css");
  private final byte[] js = read(OWN + "console.js");
  private final byte[] htmx = read("/META-INF/resources/webjars/htmx.org/" + htmxVersion() + "/dist/htmx.min.js");

  List<WebRoute> routes() {
    return List.of(
        WebRoute.open("GET", "/assets/console.css", request -> serve(request, "text/css; charset=utf-8", css)),
        WebRoute.open("GET", "/assets/console.js", request -> serve(request, "text/javascript; charset=utf-8", js)),
        WebRoute.open("GET", "/assets/htmx.min.js", request -> serve(request, "text/javascript; charset=utf-8", htmx)));
  }

  private static void serve(WebRequest request, String contentType, byte[] body) {
    request.ctx().header("Cache-Control", "public, max-age=3600");
    request.ctx().contentType(contentType);
    request.ctx().result(body);
  }

  static String htmxVersion() {
    Properties pom = new Properties();
    try (InputStream in = WebAssets.class.getResourceAsStream(HTMX_POM)) {
      if (in == null) {
        throw new IllegalStateException("the htmx WebJar is not on the class path");
      }
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pom.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = WebAssets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing console asset " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

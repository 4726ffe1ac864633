package dev.gatehouse.adapter.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.adapter.rest.RestFixture.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Entries over real HTTP, behind the workspace session: CRUD, reveal, roles, bad input and abuse. */
class EntryIT {
  private static final String ENTRIES = "/api/v1/workspaces/vault/entries";
  private static final String WEB1 = ENTRIES + "/web1";
  private static final String PASSWORD = "correct horse battery staple";

  private RestFixture fx;
  private String alice;
  private String bob;
  private String aliceSession;
  private String bobSession;

  @BeforeEach
  void setUp() {
    fx = new RestFixture();
    alice = fx.user("alice");
    bob = fx.user("bob");
    fx.workspace("vault");
    fx.workspace("other", "alice");
    assertThat(fx.put("/api/v1/workspaces/vault/members/alice", fx.adminToken, "{\"role\":\"editor\"}").status())
        .isEqualTo(200);
    assertThat(fx.put("/api/v1/workspaces/vault/members/bob", fx.adminToken, null).status()).isEqualTo(200);
    aliceSession = fx.open(alice, "vault");
    bobSession = fx.open(bob, "vault");
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private Response as(String method, String path, String body) {
    return fx.inSession(method, path, alice, aliceSession, body);
  }

  private static String web1(String secret) {
    return "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"web1.example.com\",\"port\":22,\"username\":\"deploy\","
        + "\"notes\":\"jump host\",\"tags\":[\"prod\",\"linux\"]" + (secret == null ? "" : ",\"secret\":" + secret) + "}";
  }

  @Test
  void editorAddsAnEntryAndMembersListAndShowItWithoutTheSecret() {
    Response added = as("POST", ENTRIES, web1("{\"password\":\"" + PASSWORD + "\"}"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.header("Location")).isEqualTo(WEB1);
    JsonNode entry = added.json();
    assertThat(entry.get("name").asText()).isEqualTo("web1");
    assertThat(entry.get("kind").asText()).isEqualTo("ssh");
    assertThat(entry.get("host").asText()).isEqualTo("web1.example.com");
    assertThat(entry.get("port").asInt()).isEqualTo(22);
    assertThat(entry.get("username").asText()).isEqualTo("deploy");
    assertThat(entry.get("notes").asText()).isEqualTo("jump host");
    assertThat(entry.get("tags").toString()).isEqualTo("[\"linux\",\"prod\"]");
    assertThat(entry.get("version").asLong()).isZero();
    assertThat(entry.get("hasSecret").asBoolean()).isTrue();
    assertThat(entry.get("secretKind").asText()).isEqualTo("password");
    assertThat(entry.get("createdBy").asText()).isEqualTo("alice");
    assertThat(entry.get("updatedBy").asText()).isEqualTo("alice");
    assertThat(entry.has("createdAt") && entry.has("updatedAt") && entry.has("id")).isTrue();
    assertThat(entry.has("domain") || entry.has("url") || entry.has("secret")).isFalse();

    Response listed = fx.inSession("GET", ENTRIES, bob, bobSession, null);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.json().get("entries").findValuesAsText("name")).containsExactly("web1");
    Response shown = fx.inSession("GET", WEB1, bob, bobSession, null);
    assertThat(shown.json()).isEqualTo(entry);
    assertThat(added.body() + listed.body() + shown.body()).doesNotContain(PASSWORD);
  }

  @Test
  void revealAnswersTheSecretUncachedAndIsAudited() {
    as("POST", ENTRIES, web1("{\"password\":\"" + PASSWORD + "\"}"));
    as("POST", ENTRIES, "{\"name\":\"git\",\"kind\":\"ssh\",\"host\":\"git.example.com\","
        + "\"secret\":{\"privateKey\":\"-----BEGIN OPENSSH PRIVATE KEY-----\\nAAAA\\n-----END OPENSSH PRIVATE KEY-----\"}}");

    Response revealed = fx.inSession("POST", WEB1 + "/reveal", bob, bobSession, null);
    assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
    assertThat(revealed.header("Cache-Control")).isEqualTo("no-store");
    JsonNode body = revealed.json();
    assertThat(body.get("entry").asText()).isEqualTo("web1");
    assertThat(body.get("username").asText()).isEqualTo("deploy");
    assertThat(body.get("password").asText()).isEqualTo(PASSWORD);
    assertThat(body.has("privateKey")).isFalse();
    JsonNode key = fx.inSession("POST", ENTRIES + "/git/reveal", bob, bobSession, "{}").json();
    assertThat(key.get("privateKey").asText()).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA");
    assertThat(key.has("password") || key.has("username")).isFalse();

    String sessionId = fx.inSession("GET", "/api/v1/workspaces/vault/session", bob, bobSession, null)
        .json().get("id").asText();
    JsonNode audit = fx.get("/api/v1/audit?workspace=vault&limit=1000", fx.adminToken).json().get("events");
    JsonNode reveal = null;
    for (JsonNode event : audit) {
      if (event.get("type").asText().equals("credential_revealed") && event.get("actor").asText().equals("bob")
          && event.get("detail").asText().contains("entry web1")) {
        reveal = event;
      }
    }
    assertThat(reveal).as(audit.toString()).isNotNull();
    assertThat(reveal.get("detail").asText()).contains("session " + sessionId).contains("client 127.0.0.1");
    assertThat(audit.toString()).doesNotContain(PASSWORD).doesNotContain("AAAA\\n");
  }

  @Test
  void everyEntryRouteNeedsALiveSessionOfThatWorkspace() {
    as("POST", ENTRIES, web1(null));
    String otherSession = fx.open(alice, "other");
    String[][] routes = {{"GET", ENTRIES, null}, {"POST", ENTRIES, web1(null)}, {"GET", WEB1, null},
        {"PUT", WEB1, "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0}"}, {"DELETE", WEB1, null},
        {"POST", WEB1 + "/reveal", null}};
    String[] badSessions = {null, "", "not a token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", otherSession, bobSession};
    for (String[] route : routes) {
      for (String session : badSessions) {
        JsonNode problem = fx.inSession(route[0], route[1], alice, session, route[2])
            .problem(403, "session-required");
        assertThat(problem.get("detail").asText()).as(route[0] + " " + route[1]).contains("open the workspace first");
      }
    }
    // The entry is still there, untouched.
    assertThat(as("GET", WEB1, null).json().get("version").asLong()).isZero();
  }

  @Test
  void aSessionOfAnotherWorkspaceIsRefusedThereButWorksAtHome() {
    String otherSession = fx.open(alice, "other");
    fx.inSession("GET", ENTRIES, alice, otherSession, null).problem(403, "session-required");
    assertThat(fx.inSession("GET", "/api/v1/workspaces/other/entries", alice, otherSession, null).status())
        .isEqualTo(200);
  }

  @Test
  void closedRevokedAndExpiredSessionsAreRefused() {
    assertThat(as("GET", ENTRIES, null).status()).isEqualTo(200);
    assertThat(as("DELETE", "/api/v1/workspaces/vault/session", null).status()).isEqualTo(204);
    as("GET", ENTRIES, null).problem(403, "session-required");

    String id = fx.inSession("GET", "/api/v1/workspaces/vault/session", bob, bobSession, null).json().get("id").asText();
    assertThat(fx.delete("/api/v1/workspaces/vault/sessions/" + id, fx.adminToken).status()).isEqualTo(204);
    fx.inSession("GET", ENTRIES, bob, bobSession, null).problem(403, "session-required");

    aliceSession = fx.open(alice, "vault");
    assertThat(as("GET", ENTRIES, null).status()).isEqualTo(200);
    fx.core.clock.advance(Duration.ofDays(2));
    as("GET", ENTRIES, null).problem(403, "session-required");
  }

  @Test
  void aReaderListsAndRevealsButCannotChangeEntries() {
    as("POST", ENTRIES, web1("{\"password\":\"" + PASSWORD + "\"}"));
    fx.inSession("POST", ENTRIES, bob, bobSession, web1(null).replace("web1", "web2")).problem(403, "forbidden");
    fx.inSession("PUT", WEB1, bob, bobSession, "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0}").problem(403, "forbidden");
    fx.inSession("DELETE", WEB1, bob, bobSession, null).problem(403, "forbidden");
    assertThat(fx.inSession("POST", WEB1 + "/reveal", bob, bobSession, null).status()).isEqualTo(200);
    assertThat(as("GET", ENTRIES, null).json().get("entries")).hasSize(1);
  }

  @Test
  void anEditorPromotedLaterMayChangeEntries() {
    fx.inSession("POST", ENTRIES, bob, bobSession, web1(null)).problem(403, "forbidden");
    JsonNode workspace = fx.put("/api/v1/workspaces/vault/members/bob", fx.adminToken, "{\"role\":\"editor\"}").json();
    assertThat(workspace.at("/roles/bob").asText()).isEqualTo("editor");
    assertThat(workspace.at("/roles/alice").asText()).isEqualTo("editor");
    assertThat(fx.inSession("POST", ENTRIES, bob, bobSession, web1(null)).status()).isEqualTo(201);
  }

  @Test
  void unknownEntriesAre404() {
    as("GET", ENTRIES + "/nope", null).problem(404, "not-found");
    as("PUT", ENTRIES + "/nope", "{\"kind\":\"ssh\",\"host\":\"h\",\"version\":0}").problem(404, "not-found");
    as("DELETE", ENTRIES + "/nope", null).problem(404, "not-found");
    as("POST", ENTRIES + "/nope/reveal", null).problem(404, "not-found");
    as("POST", ENTRIES, web1(null));
    as("POST", WEB1 + "/reveal", null).problem(404, "not-found");
  }

  @Test
  void aTakenNameIs409OnAddAndOnRename() {
    assertThat(as("POST", ENTRIES, web1(null)).status()).isEqualTo(201);
    as("POST", ENTRIES, web1(null)).problem(409, "conflict");
    assertThat(as("POST", ENTRIES, web1(null).replace("\"web1\"", "\"web2\"")).status()).isEqualTo(201);
    as("PUT", ENTRIES + "/web2", "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\",\"version\":0}")
        .problem(409, "conflict");
  }

  @Test
  void aStaleVersionIs409AndChangesNothing() {
    as("POST", ENTRIES, web1(null));
    Response edited = as("PUT", WEB1, "{\"kind\":\"rdp\",\"host\":\"web1.example.com\",\"version\":0}");
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat(edited.json().get("version").asLong()).isEqualTo(1);
    JsonNode stale = as("PUT", WEB1, "{\"kind\":\"vnc\",\"host\":\"web1.example.com\",\"version\":0}")
        .problem(409, "conflict");
    assertThat(stale.get("detail").asText()).contains("version 1").contains("not 0").contains("reload");
    as("DELETE", WEB1 + "?version=0", null).problem(409, "conflict");
    assertThat(as("GET", WEB1, null).json().get("kind").asText()).isEqualTo("rdp");
    assertThat(as("DELETE", WEB1 + "?version=1", null).status()).isEqualTo(204);
    as("GET", WEB1, null).problem(404, "not-found");
  }

  @Test
  void anEditRenamesAndReplacesTheDetailsAndKeepsReplacesOrClearsTheSecret() {
    as("POST", ENTRIES, web1("{\"password\":\"" + PASSWORD + "\"}"));
    JsonNode renamed = as("PUT", WEB1, "{\"name\":\"web9\",\"kind\":\"web\",\"host\":\"web9.example.com\","
        + "\"url\":\"https://web9.example.com/login\",\"version\":0}").json();
    assertThat(renamed.get("name").asText()).isEqualTo("web9");
    assertThat(renamed.has("port") || renamed.has("username")).isFalse();
    assertThat(renamed.get("tags")).isEmpty();
    assertThat(renamed.get("hasSecret").asBoolean()).isTrue();
    as("GET", WEB1, null).problem(404, "not-found");
    assertThat(as("POST", ENTRIES + "/web9/reveal", null).json().get("password").asText()).isEqualTo(PASSWORD);

    JsonNode replaced = as("PUT", ENTRIES + "/web9", "{\"kind\":\"web\",\"host\":\"web9.example.com\","
        + "\"version\":1,\"secret\":{\"privateKey\":\"KEY\"}}").json();
    assertThat(replaced.get("name").asText()).isEqualTo("web9");
    assertThat(replaced.get("secretKind").asText()).isEqualTo("privateKey");
    assertThat(as("POST", ENTRIES + "/web9/reveal", null).json().get("privateKey").asText()).isEqualTo("KEY");

    JsonNode cleared = as("PUT", ENTRIES + "/web9", "{\"kind\":\"web\",\"host\":\"web9.example.com\","
        + "\"version\":2,\"secret\":null}").json();
    assertThat(cleared.get("hasSecret").asBoolean()).isFalse();
    assertThat(cleared.has("secretKind")).isFalse();
    as("POST", ENTRIES + "/web9/reveal", null).problem(404, "not-found");
  }

  @Test
  void invalidFieldsAre400WithEveryFieldNamed() {
    JsonNode problem = as("POST", ENTRIES, "{\"name\":\"bad name\",\"kind\":\"telnet\",\"host\":\"h\","
        + "\"tags\":[\"ok\",\"not ok\"]}").problem(400, "invalid-input");
    assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "kind", "tags");
    assertThat(problem.toString()).contains("rdp, ssh, vnc, web, database, other");
    JsonNode port = as("POST", ENTRIES, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\",\"port\":70000}")
        .problem(400, "invalid-input");
    assertThat(port.get("errors").findValuesAsText("field")).containsExactly("port");
    JsonNode portType = as("POST", ENTRIES, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\",\"port\":\"22\"}")
        .problem(400, "invalid-input");
    assertThat(portType.get("errors").findValuesAsText("field")).containsExactly("port");
    JsonNode tagsType = as("POST", ENTRIES, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\",\"tags\":\"prod\"}")
        .problem(400, "invalid-input");
    assertThat(tagsType.get("errors").findValuesAsText("field")).containsExactly("tags");
    JsonNode missing = as("POST", ENTRIES, "{\"name\":\"web1\"}").problem(400, "invalid-input");
    assertThat(missing.get("errors").findValuesAsText("field")).containsExactly("kind");
    JsonNode host = as("POST", ENTRIES, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"a b\"}")
        .problem(400, "invalid-input");
    assertThat(host.get("errors").findValuesAsText("field")).containsExactly("host");
    as("POST", ENTRIES, "{\"name\":\"web1\",\"kind\":\"ssh\",\"host\":\"h\",\"colour\":\"red\"}")
        .problem(400, "invalid-input");
    as("DELETE", WEB1 + "?version=latest", null).problem(400, "invalid-input");
    as("GET", ENTRIES + "/bad%20name", null).problem(400, "invalid-input");
    assertThat(as("GET", ENTRIES, null).json().get("entries")).isEmpty();
  }

  @Test
  void secretsMustBeOneOfPasswordOrPrivateKey() {
    JsonNode both = as("POST", ENTRIES, web1("{\"password\":\"a\",\"privateKey\":\"b\"}")).problem(400, "invalid-input");
    assertThat(both.get("errors").findValuesAsText("field")).containsExactly("secret");
    as("POST", ENTRIES, web1("{}")).problem(400, "invalid-input");
    JsonNode unknown = as("POST", ENTRIES, web1("{\"passphrase\":\"" + PASSWORD + "\"}")).problem(400, "invalid-input");
    assertThat(unknown.get("errors").findValuesAsText("field")).containsExactly("secret.passphrase");
    JsonNode twoLines = as("POST", ENTRIES, web1("{\"password\":\"a\\nb\"}")).problem(400, "invalid-input");
    assertThat(twoLines.get("errors").findValuesAsText("field")).containsExactly("secret.password");
    as("POST", ENTRIES, web1("\"" + PASSWORD + "\"")).problem(400, "invalid-input");
    as("POST", ENTRIES, web1(null));
    JsonNode noVersion = as("PUT", WEB1, "{\"kind\":\"ssh\",\"host\":\"h\",\"secret\":{\"password\":\"\"}}")
        .problem(400, "invalid-input");
    assertThat(noVersion.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("version", "secret.password");
  }

  @Test
  void aPrivateKeyOverTheLimitIs400AndATwoMebibyteOneIs413() {
    String justOver = "k".repeat(16 * 1024 + 1);
    JsonNode over = as("POST", ENTRIES, web1("{\"privateKey\":\"" + justOver + "\"}")).problem(400, "invalid-input");
    assertThat(over.get("errors").findValuesAsText("field")).containsExactly("secret.privateKey");
    assertThat(as("POST", ENTRIES, web1("{\"privateKey\":\"" + "k".repeat(16 * 1024) + "\"}")).status()).isEqualTo(201);

    // A 2 MiB key: refused on its declared length, before the body is read; and, sent chunked
    // without a length, while reading. The raw socket stops writing once the server may answer, so
    // the answer is read, never raced by the server closing an upload still in flight.
    // Over RestBodyReader.DRAIN_LIMIT the body stays unread: the connection closes, and the answer says so.
    assertThat(rawPost("Content-Length: " + (2 * 1024 * 1024 + 200) + "\r\n", new byte[0]))
        .startsWith("HTTP/1.1 413").containsIgnoringCase("\r\nConnection: close\r\n")
        .contains("urn:gatehouse:problem:body-too-large");
    byte[] chunk = ("10000\r\n" + "k".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] chunks = new byte[chunk.length * 2];
    System.arraycopy(chunk, 0, chunks, 0, chunk.length);
    System.arraycopy(chunk, 0, chunks, chunk.length, chunk.length);
    assertThat(rawPost("Transfer-Encoding: chunked\r\n", chunks))
        .startsWith("HTTP/1.1 413").contains("urn:gatehouse:problem:body-too-large");
    assertThat(as("GET", ENTRIES, null).json().get("entries").findValuesAsText("name")).containsExactly("web1");
  }

  /** Sends a POST of the entry route with the given framing header and body bytes; returns the whole answer. */
  private String rawPost(String framing, byte[] body) {
    URI uri = fx.uri(ENTRIES);
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + ENTRIES + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + alice
          + "\r\n" + RestRequest.SESSION_HEADER + ": " + aliceSession + "\r\nContent-Type: application/json\r\n"
          + "Connection: close\r\n" + framing + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

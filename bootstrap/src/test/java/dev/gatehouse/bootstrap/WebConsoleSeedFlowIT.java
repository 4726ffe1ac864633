package dev.gatehouse.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gatehouse.duosim.DuoSimulator;
import dev.gatehouse.duosim.Scenario;
import dev.gatehouse.duosim.TransactionInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The seed's steps 4–12 in headless Chromium against {@code gatehouse serve} as it runs: a node on
 * the embedded PostgreSQL, trusting the bundled Duo simulator, the console beside the REST API.
 * The administrator sets Duo up (Check, Save); the member chooses a device and verifies it by push,
 * opens by push, reveals and closes, switches to SMS and opens with a passcode from the batch Duo
 * sent; a member whose policy requires Verified Duo Push sees the code and may type a passcode
 * instead; the audit shows it all. Phones answer as the test tells the simulator. Without a
 * browser the suite is skipped, unless CI is set: then it fails.
 */
class WebConsoleSeedFlowIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String ALICE_PHONE = "DPALICEPHONE00000001";
  private static final String ALICE_SPARE = "DPALICESPARE00000001";
  private static final String VIC_PHONE = "DPVICPHONE0000000001";
  private static final String VIC_PASSCODE = "424242";
  private static final String PASSWORD = "Seed-Flow-Secret-4711";

  @TempDir
  static Path dataDir;

  private static DuoSimulator duo;
  private static RestNode node;
  private static WebDriver driver;
  private static String admin;
  private static String alice;
  private static String vic;

  @BeforeAll
  static void start() throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    assumeTrue(present || System.getenv("CI") != null,
        "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    duo = DuoSimulator.start(Scenario.defaultScenario());
    // Alice has two phones (so Duo - Settings offers a choice); her pushes wait until the test answers them.
    duo.control().putUser(Scenario.User.active("alice",
        Scenario.Device.phone(ALICE_PHONE, "XXX-XXX-0101", "Alice's iPhone", "auto", "push", "sms", "phone",
            "mobile_otp").withPush(Scenario.Reaction.waitForControl()),
        Scenario.Device.phone(ALICE_SPARE, "XXX-XXX-0102", "Alice's spare Android", "auto", "push")
            .withPush(Scenario.Reaction.waitForControl())));
    // Vic's policy requires Verified Duo Push; his pushes wait until the test types the code as him.
    duo.control().putUser(Scenario.User.active("vic", Scenario.Device.phone(VIC_PHONE, "XXX-XXX-0707",
        "Vic's iPhone", "auto", "push", "mobile_otp").withPush(Scenario.Reaction.waitForControl()))
        .withVerifiedPush().withStaticPasscodes(VIC_PASSCODE));
    node = RestNode.start(dataDir, duo.writeCaPem(dataDir.resolve("duo-ca.pem")));
    admin = node.firstAdministrator("root");
    alice = node.user(admin, "alice");
    vic = node.user(admin, "vic");

    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--window-size=1280,900", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    driver.manage().window().setSize(new Dimension(1280, 900));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {driver == null ? null : driver::quit, node, duo}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @AfterEach
  void signOutEveryone() {
    driver.manage().deleteAllCookies();
  }

  @Test
  void walksTheSeedFromDuoSetupToOpeningByPushAndSmsAndTheAudit() {
    node.workspace(admin, "seed");
    node.put("/api/v1/workspaces/seed/members/alice", admin, "{\"role\":\"editor\"}").expect(200);

    // Steps 4–8, the administrator: Security → MFA → Duo, paste the keys, Check answers inline, Save.
    go("/sign-in");
    screenshot("sign-in");
    signIn(admin);
    screenshot("workspaces");
    go("/workspaces/seed/security");
    driver.findElement(By.cssSelector("label[for=mfa-duo]")).click();
    type("integrationKey", duo.integrationKey());
    type("secretKey", duo.secretKey());
    type("apiHostname", duo.apiHostname());
    clickInPlace("Check");
    waitForText(By.id("duo-check"), "Duo accepted these settings");
    screenshot("duo-general-settings");
    navigate(By.cssSelector("#duo-settings button.primary"));
    assertThat(notice()).isEqualTo("Saved.");
    assertThat(driver.findElement(By.id("secretKey")).getAttribute("value")).isEmpty();
    assertThat(driver.getPageSource()).doesNotContain(duo.secretKey());
    signOut();

    // Steps 9–12, the member: Duo - Settings lists both phones; Use this device, Duo Push, Save
    // authenticates, and the page follows the push until Alice approves it on her phone.
    signIn(alice);
    go("/workspaces/seed");
    navigate(By.linkText("Duo - Settings"));
    assertThat(driver.findElement(By.cssSelector("fieldset.devices")).getText())
        .contains("Alice's iPhone", "Alice's spare Android");
    useDevice(ALICE_PHONE, "Duo Push");
    screenshot("duo-settings");
    click("Save");
    waitForText(By.id("challenge-status"), "Pushed a login request to your device...");
    screenshot("duo-settings-pushed");
    approvePushOf("alice");
    waitForText(By.id("challenge-status"), "Approved. This device is now active for the workspace.");
    go("/workspaces/seed/duo");
    assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Duo Push on " + ALICE_PHONE);

    // An entry to find behind the gate, added over REST in a session Alice opened there.
    addEntryOverRest();

    // Open by push: the console waits with Cancel until Alice approves, then shows the entries.
    go("/workspaces/seed");
    click("Open");
    waitForText(By.id("challenge-status"), "Pushed a login request to your device...");
    assertThat(driver.findElements(By.xpath("//button[normalize-space()='Cancel']"))).hasSize(1);
    screenshot("open-push-waiting");
    approvePushOf("alice");
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("/workspaces/seed/entries"));
    waitUntilLoaded();
    assertThat(driver.findElement(By.tagName("table")).getText()).contains("db1", "db1.corp.example");
    assertThat(driver.getPageSource()).doesNotContain(PASSWORD);
    screenshot("entries");
    navigate(By.linkText("db1"));
    click("Reveal");
    assertThat(driver.findElement(By.id("secret")).getAttribute("value")).isEqualTo(PASSWORD);
    screenshot("entry-revealed");
    go("/workspaces/seed/entries");
    click("Close");
    assertThat(notice()).isEqualTo("Workspace closed.");

    // Send SMS instead: Save sends a batch, a passcode from it verifies the choice; Open does the same.
    go("/workspaces/seed/duo");
    useDevice(ALICE_PHONE, "Send SMS");
    List<String> before = duo.control().smsBatch(ALICE_PHONE);
    click("Save");
    waitForText(By.id("challenge-status"), "Sent SMS passcodes to your phone");
    type("passcode", newSmsBatch(before).get(0));
    click("Verify");
    assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Send SMS on " + ALICE_PHONE);
    go("/workspaces/seed");
    before = duo.control().smsBatch(ALICE_PHONE);
    click("Open");
    waitForText(By.id("challenge-status"), "Sent SMS passcodes to your phone. Type one below.");
    List<String> batch = newSmsBatch(before);
    type("passcode", wrongPasscode(batch));
    click("Verify");
    assertThat(alert()).contains("That passcode was not accepted");
    screenshot("open-sms-passcode");
    type("passcode", batch.get(0));
    click("Verify");
    assertThat(driver.getCurrentUrl()).endsWith("/workspaces/seed/entries");
    assertThat(driver.findElement(By.tagName("table")).getText()).contains("db1");
    click("Close");
    signOut();

    // The administrator's audit trail shows the challenges, the opens, the reveal; never a secret.
    signIn(admin);
    go("/audit?workspace=seed");
    String audit = driver.findElement(By.cssSelector("table.audit")).getText();
    assertThat(audit).contains("MFA_CONFIGURED", "CHALLENGE_STARTED", "CHALLENGE_APPROVED", "PASSCODE_REJECTED",
        "ACCESS_GRANTED", "CREDENTIAL_REVEALED", "SESSION_CLOSED", "Duo Push", "Send SMS");
    assertThat(driver.getPageSource()).doesNotContain(PASSWORD).doesNotContain(duo.secretKey());
    screenshot("audit");
  }

  @Test
  void aVerifiedPushShowsItsCodeAndAPasscodeTypedWhileItWaitsWins() {
    node.workspace(admin, "verified", "vic");
    node.put("/api/v1/workspaces/verified/mfa", admin, "{\"apiHostname\":\"" + duo.apiHostname()
        + "\",\"integrationKey\":\"" + duo.integrationKey() + "\",\"secretKey\":\"" + duo.secretKey() + "\"}")
        .expect(200);
    signIn(vic);

    // Save: the page shows the code Duo Mobile asks for, in large type beside Cancel; Vic types it there.
    go("/workspaces/verified/duo");
    useDevice(VIC_PHONE, "Duo Push");
    click("Save");
    TransactionInfo push = duo.control().awaitPending("vic", WAIT);
    waitForText(By.id("verification-code"), push.verificationCode());
    assertThat(driver.findElement(By.cssSelector(".challenge .waiting")).getText()).contains("Cancel");
    screenshot("duo-settings-verified-push");
    assertThat(duo.control().enterVerificationCode(push.txid(), push.verificationCode())).isTrue();
    waitForText(By.id("challenge-status"), "Approved. This device is now active for the workspace.");

    // Open: the code again, and a passcode box under it; the passcode typed while the push waits wins.
    go("/workspaces/verified");
    click("Open");
    push = duo.control().awaitPending("vic", WAIT);
    waitForText(By.id("verification-code"), push.verificationCode());
    screenshot("open-verified-push");
    type("passcode", VIC_PASSCODE);
    click("Verify");
    assertThat(driver.getCurrentUrl()).endsWith("/workspaces/verified/entries");
    // The push Duo still holds no longer matters: answering it changes nothing.
    duo.control().deny(push.txid());
    go("/workspaces/verified");
    assertThat(driver.findElement(By.cssSelector(".facts")).getText()).contains("Open");
    click("Close");
    signOut();

    signIn(admin);
    go("/audit?workspace=verified&user=vic");
    String audit = driver.findElement(By.cssSelector("table.audit")).getText();
    assertThat(audit).contains("CHALLENGE_APPROVED", "Passcode", "push was superseded");
    assertThat(audit).doesNotContain("verification code");
  }

  // ---- steps --------------------------------------------------------------------------------------

  /** Answers the member's newest push on their phone: approve. */
  private static void approvePushOf(String duoUser) {
    assertThat(duo.control().approve(duo.control().awaitPending(duoUser, WAIT).txid())).isTrue();
  }

  /** Alice opens the workspace over REST (approving on her phone), adds entry db1 in that session, closes it. */
  private static void addEntryOverRest() {
    JsonNode unlock = node.post("/api/v1/workspaces/seed/unlock", alice, null).expect(202).json();
    approvePushOf("alice");
    JsonNode approved = node.awaitFinal(alice, unlock.at("/challenge/links/self").asText(), WAIT);
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    Map<String, String> session = Map.of("Gatehouse-Session", node.claim(alice, approved).get("token").asText());
    assertThat(node.send("POST", "/api/v1/workspaces/seed/entries", alice,
        "{\"name\":\"db1\",\"kind\":\"rdp\",\"host\":\"db1.corp.example\",\"port\":3389,"
            + "\"username\":\"Administrator\",\"secret\":{\"password\":\"" + PASSWORD + "\"}}", session).status())
        .isEqualTo(201);
    assertThat(node.send("DELETE", "/api/v1/workspaces/seed/session", alice, null, session).status()).isLessThan(300);
  }

  /** The SMS batch Duo sent after {@code before} (the page shows "Sent SMS passcodes" once Duo answered). */
  private static List<String> newSmsBatch(List<String> before) {
    List<String> batch = duo.control().smsBatch(ALICE_PHONE);
    assertThat(batch).as("a new SMS batch").isNotEmpty().isNotEqualTo(before);
    return batch;
  }

  private static String wrongPasscode(List<String> batch) {
    for (String candidate : List.of("999999", "999998", "999997")) {
      if (!batch.contains(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no wrong passcode outside " + batch);
  }

  private static void useDevice(String device, String method) {
    driver.findElement(By.cssSelector("label[for=device-" + device + "]")).click();
    new Select(driver.findElement(By.id("method"))).selectByVisibleText(method);
  }

  // ---- browser ------------------------------------------------------------------------------------

  private static void signIn(String token) {
    go("/sign-in");
    type("token", token);
    navigate(By.cssSelector("button[type=submit].primary"));
    assertThat(driver.getCurrentUrl()).endsWith("/workspaces");
    assertThat(driver.getPageSource()).doesNotContain(token);
  }

  private static void signOut() {
    click("Sign out");
    assertThat(driver.getCurrentUrl()).contains("/sign-in");
  }

  private static void go(String path) {
    driver.get(node.uri(path).toString());
    waitUntilLoaded();
  }

  private static void type(String id, String text) {
    WebElement field = driver.findElement(By.id(id));
    field.clear();
    field.sendKeys(text);
  }

  /** Clicks a button that loads a new page, and waits until the old one is gone. */
  private static void click(String buttonText) {
    navigate(By.xpath("//button[normalize-space()='" + buttonText + "']"));
  }

  /** Clicks a button that changes the page in place (htmx). */
  private static void clickInPlace(String buttonText) {
    driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
  }

  /** Clicks what the locator finds and waits until the next page has replaced this one and loaded. */
  private static void navigate(By locator) {
    WebElement page = driver.findElement(By.tagName("html"));
    driver.findElement(locator).click();
    new WebDriverWait(driver, WAIT).until(d -> isGone(page));
    waitUntilLoaded();
  }

  /** Whether the element's document was replaced (Chromium may say so with an "unknown error"). */
  private static boolean isGone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (WebDriverException e) {
      return true;
    }
  }

  private static void waitUntilLoaded() {
    new WebDriverWait(driver, WAIT).until(d ->
        "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
  }

  private static void waitForText(By locator, String text) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  private static String alert() {
    return driver.findElement(By.cssSelector("[role=alert]")).getText();
  }

  private static String notice() {
    return driver.findElement(By.cssSelector(".notice")).getText();
  }

  private static void screenshot(String name) {
    Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    try {
      Files.copy(file, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

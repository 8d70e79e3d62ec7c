package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ZCert files, ZCertStore and the ZAuth handler (addresses, PLAIN, CURVE), once per backend. */
class ZAuthTest extends BackendTestBase {
    private static final Duration WAIT = Duration.ofMillis(TIMEOUT_MS);

    @TempDir
    Path dir;

    /** The decision for the next handshake; the test fails if the handler gave none. */
    private static ZAuth.Decision decision(ZAuth auth) throws InterruptedException {
        ZAuth.Decision d = auth.nextDecision(WAIT);
        assertNotNull(d, "the ZAP handler answered no request");
        return d;
    }

    @Test
    void certificatesSurviveTheirFiles() throws IOException {
        ZCert cert = new ZCert().setMeta("name", "server one").setMeta("email", "ops@example.org");
        cert.savePublic(dir.resolve("server.cert"));
        cert.saveSecret(dir.resolve("server.cert_secret"));

        ZCert pub = ZCert.load(dir.resolve("server.cert"));
        assertEquals(cert.getPublicKeyAsZ85(), pub.getPublicKeyAsZ85());
        assertNull(pub.getSecretKey(), "the public file has no secret key");
        assertEquals("server one", pub.getMeta("name"));
        assertFalse(Files.readString(dir.resolve("server.cert")).contains(cert.getSecretKeyAsZ85()));

        ZCert secret = ZCert.load(dir.resolve("server.cert_secret"));
        assertArrayEquals(cert.getSecretKey(), secret.getSecretKey());
        assertEquals("ops@example.org", secret.getMeta("email"));
        assertArrayEquals(Curve.publicKey(secret.getSecretKey()), secret.getPublicKey(), "a real key pair");
    }

    @Test
    void aCertificateWrittenByHandInZplLoads() throws IOException {
        Curve.KeyPair keys = Curve.generateKeyPair();
        Path file = dir.resolve("client.key");
        Files.writeString(
                file,
                "#   a comment\n\nmetadata\n    name = \"client\"  # trailing comment\ncurve\n" + "    public-key = \""
                        + keys.publicKeyZ85() + "\"\n");
        ZCert cert = ZCert.load(file);
        assertArrayEquals(keys.publicKey(), cert.getPublicKey());
        assertEquals("client", cert.getMeta("name"));
    }

    @Test
    void whatIsNotACertificateSaysSo() throws IOException {
        Path noKey = Files.writeString(dir.resolve("no-key"), "metadata\n    name = x\n");
        assertTrue(assertThrows(IOException.class, () -> ZCert.load(noKey))
                .getMessage()
                .contains("no curve/public-key"));
        Path badKey = Files.writeString(dir.resolve("bad-key"), "curve\n    public-key = \"short\"\n");
        assertThrows(IOException.class, () -> ZCert.load(badKey));
        Path huge = Files.write(dir.resolve("huge"), new byte[ZCert.MAX_FILE_BYTES + 1]);
        assertTrue(assertThrows(IOException.class, () -> ZCert.load(huge))
                .getMessage()
                .contains("over"));
        Path badIndent = Files.writeString(dir.resolve("indent"), "curve\n  public-key = \"x\"\n");
        assertThrows(IOException.class, () -> ZCert.load(badIndent));
    }

    @Test
    void aCertStoreSeesFilesComeAndGo() throws IOException {
        Path store = Files.createDirectory(dir.resolve("clients"));
        ZCertStore certs = new ZCertStore(store);
        ZCert alice = new ZCert();
        assertFalse(certs.containsPublicKey(alice.getPublicKey()));
        alice.savePublic(store.resolve("alice.cert"));
        Files.writeString(store.resolve("README"), "not a certificate");
        assertTrue(certs.containsPublicKey(alice.getPublicKey()));
        assertTrue(certs.containsPublicKey(alice.getPublicKeyAsZ85()));
        assertEquals(1, certs.size(), "the README is skipped");
        Files.delete(store.resolve("alice.cert"));
        assertFalse(certs.containsPublicKey(alice.getPublicKey()));
    }

    @Test
    void curveLetsInOnlyTheKeysOfTheStore() throws Exception {
        Path store = Files.createDirectory(dir.resolve("allowed"));
        ZCert serverCert = new ZCert();
        ZCert allowed = new ZCert();
        ZCert stranger = new ZCert();
        allowed.savePublic(store.resolve("allowed.cert"));
        try (ZAuth auth = new ZAuth(ctx).configureCurve(store).recordDecisions(true)) {
            ZSocket server = socket(SocketType.PULL);
            server.setCurveServer(true);
            serverCert.apply(server);
            String endpoint = bindTcp(server);

            ZSocket good = socket(SocketType.PUSH);
            allowed.apply(good);
            good.setCurveServerKey(serverCert.getPublicKey());
            good.connect(endpoint);
            good.send("from a known key");
            ZAuth.Decision yes = decision(auth);
            assertTrue(yes.allowed(), yes.toString());
            assertEquals("CURVE", yes.mechanism());
            assertEquals(allowed.getPublicKeyAsZ85(), yes.userId());
            assertReceives(server, "from a known key");

            ZSocket bad = socket(SocketType.PUSH);
            stranger.apply(bad);
            bad.setCurveServerKey(serverCert.getPublicKey());
            bad.connect(endpoint);
            bad.send("from a stranger");
            ZAuth.Decision no = decision(auth);
            assertFalse(no.allowed(), no.toString());
            assertEquals("the client's public key is not allowed", no.statusText());
            assertTrue(server.receive(ZSocket.DONTWAIT).isEmpty(), "the refused handshake delivered nothing");
        }
    }

    @Test
    void plainChecksThePasswordFile() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwords"), "# users\nalice = secret\n");
        try (ZAuth auth = new ZAuth(ctx).configurePlain("*", passwords).recordDecisions(true)) {
            ZSocket server = socket(SocketType.PULL);
            server.setPlainServer(true);
            String endpoint = bindTcp(server);

            ZSocket good = socket(SocketType.PUSH);
            good.setPlainCredentials("alice", "secret");
            good.connect(endpoint);
            good.send("alice here");
            ZAuth.Decision yes = decision(auth);
            assertTrue(yes.allowed(), yes.toString());
            assertEquals("alice", yes.userId());
            assertReceives(server, "alice here");

            ZSocket bad = socket(SocketType.PUSH);
            bad.set(SocketOption.PLAIN_USERNAME, "alice").set(SocketOption.PLAIN_PASSWORD, "guess");
            bad.connect(endpoint);
            bad.send("mallory here");
            ZAuth.Decision no = decision(auth);
            assertFalse(no.allowed(), no.toString());
            assertEquals("invalid username or password", no.statusText());
            assertTrue(server.receive(ZSocket.DONTWAIT).isEmpty(), "the refused handshake delivered nothing");
        }
    }

    @Test
    void deniedAddressesAreRefusedAndAnAllowListLetsOnlyItsOwnIn() throws Exception {
        try (ZAuth auth = new ZAuth(ctx).deny("127.0.0.1").recordDecisions(true)) {
            ZSocket server = socket(SocketType.PULL);
            server.setZapDomain("test"); // a NULL-mechanism server asks ZAP only with a domain
            String endpoint = bindTcp(server);
            ZSocket client = socket(SocketType.PUSH);
            client.connect(endpoint);
            client.send("denied");
            ZAuth.Decision no = decision(auth);
            assertFalse(no.allowed());
            assertEquals("127.0.0.1", no.address());
            assertEquals("test", no.domain());

            auth.allow("127.0.0.1"); // an allow list takes precedence
            ZSocket again = socket(SocketType.PUSH);
            again.connect(endpoint);
            again.send("allowed");
            ZAuth.Decision yes;
            do { // the first client may retry (and be refused) meanwhile
                yes = decision(auth);
            } while (!yes.allowed());
            assertEquals("NULL", yes.mechanism());
            assertReceives(server, "allowed");
        }
    }

    @Test
    void oneHandlerPerContext() {
        try (ZAuth first = new ZAuth(ctx)) {
            ZmqException e = assertThrows(ZmqException.class, () -> new ZAuth(ctx));
            assertEquals(ZmqError.EADDRINUSE, e.code());
        }
    }
}

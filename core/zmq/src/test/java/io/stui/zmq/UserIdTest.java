package io.stui.zmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ROUTER learns, per message, the user id ZAP gave the connection it came on (the STUI server's identities). */
class UserIdTest extends BackendTestBase {

    @TempDir
    Path dir;

    private static List<byte[]> receive(ZSocket router) {
        router.setRcvTimeout(TIMEOUT_MS);
        List<byte[]> frames = new ArrayList<>();
        assertTrue(router.receiveFrames(frames, 0), "a message within " + TIMEOUT_MS + " ms");
        return frames;
    }

    @Test
    void plainUsernamesComeWithEachMessage() throws Exception {
        Path passwords = Files.writeString(dir.resolve("passwords"), "alice=secret-a\nbob=secret-b\n");
        try (ZAuth auth = new ZAuth(ctx).configurePlain("*", passwords)) {
            ZSocket router = socket(SocketType.ROUTER);
            router.setPlainServer(true);
            router.setRecordUserId(true);
            String endpoint = bindTcp(router);
            ZSocket alice = socket(SocketType.DEALER);
            alice.setPlainCredentials("alice", "secret-a");
            alice.connect(endpoint);
            ZSocket bob = socket(SocketType.DEALER);
            bob.setPlainCredentials("bob", "secret-b");
            bob.connect(endpoint);

            alice.send("from alice");
            assertEquals("from alice", new String(receive(router).getLast()));
            assertEquals("alice", router.lastUserId());
            bob.send("from bob");
            assertEquals("from bob", new String(receive(router).getLast()));
            assertEquals("bob", router.lastUserId());
            alice.send("again");
            receive(router);
            assertEquals("alice", router.lastUserId());

            router.setRecordUserId(false);
            bob.send("unrecorded");
            receive(router);
            assertNull(router.lastUserId(), "nothing is read while not recording");
        }
    }

    @Test
    void curvePublicKeysComeWithEachMessage() throws Exception {
        Path allowed = Files.createDirectory(dir.resolve("allowed"));
        ZCert serverCert = new ZCert();
        ZCert client = new ZCert();
        client.savePublic(allowed.resolve("client.cert"));
        try (ZAuth auth = new ZAuth(ctx).configureCurve(allowed)) {
            ZSocket router = socket(SocketType.ROUTER);
            router.setCurveServer(true);
            serverCert.apply(router);
            router.setRecordUserId(true);
            String endpoint = bindTcp(router);
            ZSocket dealer = socket(SocketType.DEALER);
            client.apply(dealer);
            dealer.setCurveServerKey(serverCert.getPublicKey());
            dealer.connect(endpoint);
            dealer.send("hello");
            receive(router);
            assertEquals(client.getPublicKeyAsZ85(), router.lastUserId());
        }
    }

    @Test
    void withoutZapThereIsNoUserId() {
        ZSocket router = socket(SocketType.ROUTER);
        router.setRecordUserId(true);
        String endpoint = bindTcp(router);
        ZSocket dealer = socket(SocketType.DEALER);
        dealer.connect(endpoint);
        dealer.send("anonymous");
        receive(router);
        assertNull(router.lastUserId());
    }
}

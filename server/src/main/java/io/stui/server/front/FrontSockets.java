package io.stui.server.front;

import io.stui.zmq.Curve;
import io.stui.zmq.SocketType;
import io.stui.zmq.ZContext;
import io.stui.zmq.ZPoller;
import io.stui.zmq.ZSocket;
import io.stui.zmq.ZmqException;
import java.util.List;

/**
 * The sockets a front's holder owns: the ROUTER clients talk to, the PULL socket its doorbell rings on, and a
 * poller over both. Used by one thread at a time (the holder); a hand-over passes them on whole.
 */
final class FrontSockets implements AnswerQueue.Sender {

    /** Longest wait for input, so the loop notices a shutdown. */
    static final int WAIT_MS = 200;

    final ZSocket router;
    final ZSocket pull;
    final ZPoller poller;
    private boolean routerPolled = true;

    private FrontSockets(ZSocket router, ZSocket pull, ZPoller poller) {
        this.router = router;
        this.pull = pull;
        this.poller = poller;
    }

    /** Opens and binds the sockets; a bind failure says which endpoint and why. */
    static FrontSockets open(ZContext context, Front.Settings settings, AnswerQueue answers) {
        ZSocket router = context.createSocket(SocketType.ROUTER);
        ZSocket pull = null;
        try {
            router.setLinger(1000);
            router.setMaxMsgSize(settings.maxMessageSize());
            router.setRcvHwm(10_000);
            router.setSndHwm(10_000);
            router.setRcvTimeout(WAIT_MS);
            if (settings.curveSecretKeyZ85() != null) {
                router.setCurveServer(Curve.keyPairFromSecret(Curve.z85Decode(settings.curveSecretKeyZ85())));
            } else if (settings.plainServer()) {
                // usernames and passwords are checked by the context's ZAP handler
                router.setPlainServer(true);
            }
            // the ZAP handler's user id for each request's connection, for the dispatcher to know who sent it
            router.setRecordUserId(settings.recordUserIds());
            pull = answers.bindDoorbell();
            router.bind(settings.endpoint());
            ZPoller poller = new ZPoller(context);
            poller.register(pull, ZPoller.POLLIN);
            poller.register(router, ZPoller.POLLIN);
            return new FrontSockets(router, pull, poller);
        } catch (RuntimeException e) {
            if (pull != null) {
                pull.close();
            }
            router.close();
            throw e instanceof ZmqException
                    ? new IllegalStateException(
                            "Cannot bind " + settings.endpoint() + ": " + e.getMessage()
                                    + "; is another server using it?",
                            e)
                    : e;
        }
    }

    /** The endpoint the ROUTER is bound to. */
    String endpoint() {
        return router.lastEndpoint();
    }

    /** Whether the poller still watches the ROUTER (not once the front stops accepting). */
    boolean routerPolled() {
        return routerPolled;
    }

    /** Stops polling the ROUTER: no further requests are read. */
    void stopPollingRouter() {
        if (routerPolled) {
            poller.unregister(router);
            routerPolled = false;
        }
    }

    /**
     * Sends the envelope frames and the answer as one message, straight from the arrays. DONTWAIT on the first
     * frame: a peer that went away must not stall the front.
     */
    @Override
    public void send(List<byte[]> envelope, byte[] answer, int length) {
        if (!router.send(envelope.getFirst(), ZSocket.DONTWAIT | ZSocket.SNDMORE)) {
            return;
        }
        for (int i = 1; i < envelope.size(); i++) {
            router.send(envelope.get(i), ZSocket.SNDMORE);
        }
        router.send(answer, 0, length, 0);
    }

    void close() {
        poller.close();
        pull.close();
        router.close();
    }
}

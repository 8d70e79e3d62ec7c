package io.stui.zmq;

/**
 * Quick gauge (not JMH) of the native backend's per-message cost on one thread: a 16-byte frame
 * sent and received again over an inproc PAIR, a 3-frame message (ROUTER-like envelope) the same
 * way, and a {@code ZMQ_EVENTS} read. Prints the best of several rounds in ns per operation. Run:
 * {@code java --enable-native-access=ALL-UNNAMED -cp core/zmq/target/test-classes:core/zmq/target/classes:<deps>
 * io.stui.zmq.NativeCallCostMain}.
 */
public final class NativeCallCostMain {
    private static final int ROUNDS = 7;
    private static final int OPS = 1_000_000;

    private NativeCallCostMain() {}

    public static void main(String[] args) {
        Backend backend = args.length > 0 ? Backend.valueOf(args[0]) : Backend.NATIVE;
        try (ZContext ctx = new ZContext(backend);
                ZSocket a = ctx.createSocket(SocketType.PAIR);
                ZSocket b = ctx.createSocket(SocketType.PAIR)) {
            a.bind("inproc://gauge");
            b.connect("inproc://gauge");
            byte[] frame = new byte[16];
            byte[] small = new byte[5];
            long single = Long.MAX_VALUE;
            long multi = Long.MAX_VALUE;
            long events = Long.MAX_VALUE;
            long sink = 0;
            for (int r = 0; r < ROUNDS; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < OPS; i++) {
                    a.send(frame, 0);
                    sink += b.receive(ZSocket.DONTWAIT).orElseThrow().length;
                }
                long t1 = System.nanoTime();
                for (int i = 0; i < OPS / 4; i++) {
                    a.send(small, ZSocket.SNDMORE);
                    a.send(small, ZSocket.SNDMORE);
                    a.send(frame, 0);
                    sink += b.receive(ZSocket.DONTWAIT).orElseThrow().length;
                    sink += b.receive(0).orElseThrow().length;
                    sink += b.receive(0).orElseThrow().length;
                }
                long t2 = System.nanoTime();
                for (int i = 0; i < OPS; i++) {
                    sink += b.getEvents();
                }
                long t3 = System.nanoTime();
                single = Math.min(single, (t1 - t0) / OPS);
                multi = Math.min(multi, (t2 - t1) / (OPS / 4));
                events = Math.min(events, (t3 - t2) / OPS);
            }
            System.out.printf(
                    "%s: 16 B send+receive %d ns, 3-frame send+receive %d ns, getEvents %d ns (sink %d)%n",
                    backend, single, multi, events, sink);
        }
    }
}

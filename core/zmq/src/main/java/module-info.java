/**
 * ZeroMQ for Java over libzmq (Panama) with a JeroMQ fallback: the socket API of {@code io.stui.zmq}.
 *
 * <p>The backends ({@code internal}) and the driver interfaces between the API and the backends
 * ({@code spi}) are not exported: the two backends are the only ones, chosen by {@code Backend}.
 */
module io.stui.zmq {
    requires io.stui.zmq.bindings;
    requires org.zeromq.jeromq;
    // JeroMQ needs jnacl for CURVE but declares it "requires static": resolve it for JeroMQ's sake.
    requires jnacl;
    requires org.slf4j;

    exports io.stui.zmq;
}

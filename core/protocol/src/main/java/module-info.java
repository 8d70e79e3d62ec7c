/** The STUI wire protocol: both JSON encodings, typed requests and results, and the clients. */
module io.stui.protocol {
    requires transitive io.stui.zmq;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports io.stui.protocol;
    exports io.stui.protocol.client;
    exports io.stui.protocol.request;
    exports io.stui.protocol.result;
}

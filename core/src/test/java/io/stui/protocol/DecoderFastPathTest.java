package io.stui.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoder reads simple frames without Jackson: for every frame, valid or not, inside the simple
 * subset or outside it, the result must be exactly what the Jackson path gives (same request
 * records, same id type, same error code, message and details).
 */
class DecoderFastPathTest {
    private static final ProtocolCodec CODEC = ProtocolCodec.INSTANCE;

    private static byte[] q(String singleQuoted) {
        return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
    }

    static Stream<Arguments> frames() {
        String deep = "{'a':".repeat(12) + "1" + "}".repeat(12);
        Stream<Arguments> own = Stream.of(
                "{'id':'j1','command':'ping','parameters':{}}",
                "{'id':'j1','command':'ping'}",
                " \t\r\n{ 'command' : 'ping' ,\n 'id' : 'j2' , 'parameters' : { } } \n",
                "{'parameters':{},'command':'ping','id':17}",
                "{'id':-17,'command':'ping'}",
                "{'id':0,'command':'ping'}",
                "{'id':-0,'command':'ping'}",
                "{'id':2147483648,'command':'ping'}",
                "{'id':999999999999999999,'command':'ping'}",
                "{'id':9999999999999999999,'command':'ping'}",
                "{'id':123456789012345678901234567890,'command':'ping'}",
                "{'id':null,'command':'ping'}",
                "{'id':01,'command':'ping'}",
                "{'id':1x,'command':'ping'}",
                "{'id':-,'command':'ping'}",
                "{'id':1e3,'command':'ping'}",
                "{'id':true,'command':'ping'}",
                "{'id':'h\u00e9llo \u2713','command':'evaluate','parameters':{'code':'3 + 4','session_id':'abc'}}",
                "{'id':'e','command':'evaluate','parameters':{'code':'a\\'b'}}",
                "{'id':'e','command':'evaluate','parameters':{'code':'\\u00e9'}}",
                "{'id':'e','command':'evaluate','parameters':{'code':'tab\there'}}",
                "{'id':'e','command':'evaluate','parameters':{'code':'1','return_string':true}}",
                "{'id':'e','command':'evaluate','parameters':{'code':'1','return_string':false,'x':null}}",
                "{'id':'s','command':'update_session_state','parameters':{'session_id':'s1','state_data':"
                        + "{'n':[1,-2,2147483647,2147483648,-2147483648,-2147483649,[],{}],'b':[true,false,null],"
                        + "'o':{'p':{'q':'r'}},'f':1.5}}}",
                "{'id':'s','command':'update_session_state','parameters':{'session_id':'s1','state_data':"
                        + "{'n':[1,-2,2147483647,2147483648,-2147483648,-2147483649,[],{}],'b':[true,false,null],"
                        + "'o':{'p':{'q':'r'}}}}}",
                "{'id':'s','command':'update_session_state','parameters':{'session_id':'s1','state_data':" + deep + "}}",
                "{'id':'i','command':'inspect','parameters':{'target':'1','depth':2}}",
                "{'id':'i','command':'inspect','parameters':{'target':'1','depth':99999999999}}",
                "{'id':'l','command':'list_classes','parameters':{'limit':-5}}",
                "{'command':'ping',}",
                "{'command' 'ping'}",
                "{'command':'ping'}garbage",
                "{'command':'ping'}{}",
                "{}",
                "{'id':'x'}",
                "{'id':'x','command':'ping','extra':1}",
                "{'id':'x','command':'ping','parameters':null}",
                "{'id':'x','command':'ping','parameters':[]}",
                "{'id':'x','command':null}",
                "{'id':'x','id':'y','command':'ping'}",
                "{'id':'x','command':'ping','parameters':{'a':1,'a':2}}",
                "{'id':'x','command':'nope'}",
                "{'id':'x','command':'ping','parameters':{'a':tru}}",
                "{'id':'x','command':'ping','parameters':{'a':truex}}",
                "{'id':'x','command':'ping','parameters':{'a':[1,]}}",
                "{'id':'x','command':'ping','parameters':{'a':[1 2]}}",
                "{'id':'x','command':'ping','parameters':{'a':'unterminated}}",
                "{'id':'x','command':'ping'",
                "{'i\\u0064':'x','command':'ping'}",
                "{'id':'v','version':'1.0.0','payload':{'type':'Request','data':{'request_type':'Ping','params':{}}}}"
        ).map(s -> Arguments.of(s, q(s)));
        Stream<Arguments> bom = Stream.of(Arguments.of("BOM", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                q("{'id':'b','command':'ping'}"))));
        Stream<Arguments> bad = BadInputTest.badFrames().map(a -> Arguments.of(a.get()[0], a.get()[1]));
        return Stream.of(own, bom, bad).flatMap(s -> s);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void fastPathDecodesExactlyAsJackson(String name, byte[] frame) {
        Decoded expected = CODEC.decodeWithoutFastPath(frame);
        Decoded actual = CODEC.decode(frame);
        assertEquals(expected.meta(), actual.meta(), name);
        Object id = expected.meta().id();
        assertEquals(id == null ? null : id.getClass(), actual.meta().id() == null ? null : actual.meta().id().getClass(), name);
        switch (expected) {
            case Decoded.Ok ok -> assertEquals(ok.request(), assertInstanceOf(Decoded.Ok.class, actual, name).request(), name);
            case Decoded.Failed f -> {
                StuiException e = assertInstanceOf(Decoded.Failed.class, actual, name).error();
                assertEquals(f.error().code(), e.code(), name);
                assertEquals(f.error().getMessage(), e.getMessage(), name);
                assertEquals(f.error().details(), e.details(), name);
            }
        }
    }

    @Test
    void theCommonShapesTakeTheFastPathAndOthersDoNot() {
        assertTrue(SimpleRequestScanner.scan(q("{'id':'j1','command':'ping','parameters':{}}"), 0, 44, new ProtocolCodec.Frame()));
        byte[] eval = q("{'id':18,'command':'evaluate','parameters':{'code':'3 + 4','session_id':'abc'}}");
        assertTrue(SimpleRequestScanner.scan(eval, 0, eval.length, new ProtocolCodec.Frame()));
        byte[] escaped = q("{'id':'j1','command':'ping','parameters':{'a':'\\n'}}");
        assertFalse(SimpleRequestScanner.scan(escaped, 0, escaped.length, new ProtocolCodec.Frame()));
        byte[] envelope = q("{'id':'v','version':'1.0.0','payload':{}}");
        assertFalse(SimpleRequestScanner.scan(envelope, 0, envelope.length, new ProtocolCodec.Frame()));
    }
}

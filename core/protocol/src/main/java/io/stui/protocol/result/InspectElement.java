package io.stui.protocol.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of an inspected object, as {@code inspect} pages them: an indexed slot, an element of a collection
 * (in its {@code do:} order) or a dictionary entry, each with the object id to inspect it further.
 *
 * @param index      1-based position in the object's elements
 * @param value      the element's (or entry value's) printString
 * @param valueClass its class name
 * @param valueId    its object id (null outside a session)
 * @param key        a dictionary entry's key printString; absent for other objects
 * @param keyClass   the key's class name; absent for other objects
 * @param keyId      the key's object id; absent for other objects and outside a session
 */
public record InspectElement(
        int index,
        String value,
        String valueClass,
        String valueId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key,
        @JsonInclude(JsonInclude.Include.NON_NULL) String keyClass,
        @JsonInclude(JsonInclude.Include.NON_NULL) String keyId) {}

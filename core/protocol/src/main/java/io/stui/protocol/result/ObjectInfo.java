package io.stui.protocol.result;

/**
 * What {@code inspect} says about the object itself.
 *
 * @param className            the object's class name
 * @param stringRepresentation its printString
 * @param hash                 its identity hash
 * @param size                 its number of indexed slots
 */
public record ObjectInfo(String className, String stringRepresentation, long hash, long size) {}

package dev.sextant.analytics.predictions;

import com.google.protobuf.InvalidProtocolBufferException;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

/**
 * Models as bytes: Tribuo's own protobuf serialization ({@code ModelProto}), not Java
 * serialization, so reading a stored model never deserializes arbitrary classes. Tribuo 4.3.2 is
 * built with protobuf 3.25; its generated classes run on the protobuf-java 4.x runtime the parent
 * pom pins (the round trip is tested).
 */
final class PredictorCodec {
    private PredictorCodec() {}

    static byte[] bytes(Model<?> model) {
        return model.serialize().toByteArray();
    }

    static Model<?> model(byte[] bytes) {
        try {
            return Model.deserialize(ModelProto.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("the stored model is not a Tribuo model: " + e.getMessage(), e);
        }
    }
}

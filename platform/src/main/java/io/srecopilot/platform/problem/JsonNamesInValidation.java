package io.srecopilot.platform.problem;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Field;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names invalid fields as they are spelled in JSON ({@code event_action}, not {@code eventAction}),
 * so the errors of a 400 point at what the client actually sent.
 */
@ApplicationScoped
public class JsonNamesInValidation implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.propertyNodeNameProvider(new JsonPropertyNames());
    }

    static final class JsonPropertyNames implements PropertyNodeNameProvider {

        @Override
        public String getName(Property property) {
            if (property instanceof JavaBeanProperty bean) {
                String renamed = jsonName(bean.getDeclaringClass(), bean.getName());
                if (renamed != null) {
                    return renamed;
                }
            }
            return property.getName();
        }

        private static String jsonName(Class<?> type, String name) {
            for (Class<?> declaring = type; declaring != null; declaring = declaring.getSuperclass()) {
                try {
                    Field field = declaring.getDeclaredField(name);
                    JsonProperty json = field.getAnnotation(JsonProperty.class);
                    return json == null || json.value().isEmpty() ? null : json.value();
                } catch (NoSuchFieldException e) {
                    // Declared higher up, or a getter without a field.
                }
            }
            return null;
        }
    }
}

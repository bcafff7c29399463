package coop.tally.money;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.math.BigDecimal;

/** Stores {@link Money} in DECIMAL(19,2) columns. */
@Converter(autoApply = true)
public class MoneyConverter implements AttributeConverter<Money, BigDecimal> {

    @Override
    public BigDecimal convertToDatabaseColumn(Money money) {
        return money == null ? null : money.toBigDecimal();
    }

    @Override
    public Money convertToEntityAttribute(BigDecimal column) {
        return column == null ? null : Money.of(column);
    }
}

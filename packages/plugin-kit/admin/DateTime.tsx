import { Typography, type TypographyProps } from '@strapi/design-system';
import { useIntl } from 'react-intl';

/** How every timestamp of the admin pages is written, in the admin user's locale. */
export const DATE_TIME_FORMAT = { dateStyle: 'medium', timeStyle: 'short' } as const;

interface DateTimeProps extends Pick<TypographyProps, 'textColor' | 'variant'> {
  value: string | null | undefined;
}

/** A timestamp in the admin user's locale, or a dash when there is none. */
export const DateTime = ({ value, textColor = 'neutral800', variant = 'omega' }: DateTimeProps) => {
  const { formatDate } = useIntl();
  if (!value) {
    return (
      <Typography textColor="neutral500" variant={variant}>
        –
      </Typography>
    );
  }
  return (
    <Typography textColor={textColor} variant={variant}>
      <time dateTime={value}>{formatDate(value, DATE_TIME_FORMAT)}</time>
    </Typography>
  );
};

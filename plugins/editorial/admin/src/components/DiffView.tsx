import { Box, Flex, Typography } from '@strapi/design-system';
import type { FieldChange } from '../types';

const short = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
};

/** One field's change: a word diff for text, added/removed ids for relations and media, else before → after. */
const Change = ({ change }: { change: FieldChange }) => (
  <Box padding={2} hasRadius background="neutral100" data-testid="editorial-diff-change">
    <Typography variant="omega" fontWeight="bold">
      {change.path} <Typography variant="pi">({change.change})</Typography>
    </Typography>
    <Box paddingTop={1}>
      {change.text ? (
        <Typography variant="omega">
          {change.text.map((part, index) =>
            part.added ? (
              <ins key={index} style={{ background: '#c6f6d5' }}>
                {part.value}
              </ins>
            ) : part.removed ? (
              <del key={index} style={{ background: '#fed7d7' }}>
                {part.value}
              </del>
            ) : (
              <span key={index}>{part.value}</span>
            ),
          )}
        </Typography>
      ) : change.added || change.removed ? (
        <Typography variant="omega">
          {change.added?.length ? `+ ${change.added.join(', ')} ` : ''}
          {change.removed?.length ? `− ${change.removed.join(', ')}` : ''}
        </Typography>
      ) : (
        <Typography variant="omega">
          {short(change.before)} → {short(change.after)}
        </Typography>
      )}
    </Box>
  </Box>
);

export const DiffView = ({ diff, empty }: { diff: FieldChange[]; empty: string }) =>
  diff.length === 0 ? (
    <Typography>{empty}</Typography>
  ) : (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {diff.map((change) => (
        <Change key={change.path} change={change} />
      ))}
    </Flex>
  );

import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  Typography,
} from '@strapi/design-system';
import { ArrowDown, ArrowUp, Plus, Trash } from '@strapi/icons';
import { BLOCK_TYPES, type Block, type BlockType } from '../types';
import { useT } from '../utils/useT';

type BlockField = 'text' | 'url' | 'alt' | 'href' | 'label' | 'title' | 'summary' | 'imageUrl';

/** The fields of each block type, in the order of the form; `true` marks a required one. */
const FIELDS: Record<BlockType, Array<[BlockField, boolean]>> = {
  text: [['text', true]],
  image: [
    ['url', true],
    ['alt', false],
    ['href', false],
  ],
  button: [
    ['label', true],
    ['url', true],
  ],
  article: [
    ['title', true],
    ['summary', false],
    ['url', true],
    ['imageUrl', false],
  ],
};

/** A block as the server takes it: only its type's fields, empty optional ones left out. */
export const cleanBlock = (block: Block): Block => {
  const clean: Block = { type: block.type };
  for (const [field, required] of FIELDS[block.type]) {
    const value = (block[field] ?? '').trim();
    if (value || required) clean[field] = value;
  }
  return clean;
};

interface BlocksEditorProps {
  /** names the fields apart when there is one editor per language */
  idPrefix: string;
  blocks: Block[];
  onChange: (blocks: Block[]) => void;
  disabled?: boolean;
}

/** The blocks of an email as an ordered list: add, edit, move up or down, remove. */
export const BlocksEditor = ({ idPrefix, blocks, onChange, disabled = false }: BlocksEditorProps) => {
  const t = useT();
  const [newType, setNewType] = React.useState<BlockType>('text');
  const typeLabels: Record<BlockType, string> = {
    text: t('block.text', 'Text'),
    image: t('block.image', 'Image'),
    button: t('block.button', 'Button'),
    article: t('block.article', 'Article teaser'),
  };
  const fieldLabels: Record<BlockField, string> = {
    text: t('block.field.text', 'Text'),
    url: t('block.field.url', 'URL'),
    alt: t('block.field.alt', 'Alternative text'),
    href: t('block.field.href', 'Link (optional)'),
    label: t('block.field.label', 'Button label'),
    title: t('block.field.title', 'Title'),
    summary: t('block.field.summary', 'Summary'),
    imageUrl: t('block.field.imageUrl', 'Image URL (optional)'),
  };

  const update = (index: number, field: BlockField, value: string) =>
    onChange(blocks.map((block, at) => (at === index ? { ...block, [field]: value } : block)));
  const move = (index: number, by: number) => {
    const next = [...blocks];
    const [block] = next.splice(index, 1);
    next.splice(index + by, 0, block);
    onChange(next);
  };

  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {blocks.length === 0 ? (
        <Typography textColor="neutral600">{t('block.empty', 'No blocks yet: add at least one.')}</Typography>
      ) : null}
      {blocks.map((block, index) => (
        <Box key={index} padding={4} hasRadius borderColor="neutral200" background="neutral100">
          <Flex direction="column" alignItems="stretch" gap={3}>
            <Flex justifyContent="space-between">
              <Typography variant="sigma" textColor="neutral600">
                {index + 1}. {typeLabels[block.type]}
              </Typography>
              <Flex gap={1}>
                <IconButton
                  label={t('block.up', 'Move up')}
                  onClick={() => move(index, -1)}
                  disabled={disabled || index === 0}
                  variant="ghost"
                >
                  <ArrowUp />
                </IconButton>
                <IconButton
                  label={t('block.down', 'Move down')}
                  onClick={() => move(index, 1)}
                  disabled={disabled || index === blocks.length - 1}
                  variant="ghost"
                >
                  <ArrowDown />
                </IconButton>
                <IconButton
                  label={t('block.remove', 'Remove block')}
                  onClick={() => onChange(blocks.filter((_, at) => at !== index))}
                  disabled={disabled}
                  variant="ghost"
                >
                  <Trash />
                </IconButton>
              </Flex>
            </Flex>
            <Grid.Root gap={3}>
              {FIELDS[block.type].map(([field, required]) => (
                <Grid.Item
                  key={field}
                  col={field === 'text' || field === 'summary' ? 12 : 6}
                  xs={12}
                  direction="column"
                  alignItems="stretch"
                >
                  <Field.Root name={`${idPrefix}-${index}-${field}`} required={required}>
                    <Field.Label>{fieldLabels[field]}</Field.Label>
                    {field === 'text' || field === 'summary' ? (
                      <Textarea
                        value={block[field] ?? ''}
                        disabled={disabled}
                        onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) =>
                          update(index, field, event.target.value)
                        }
                      />
                    ) : (
                      <Field.Input
                        type={field === 'url' || field === 'href' || field === 'imageUrl' ? 'url' : 'text'}
                        value={block[field] ?? ''}
                        disabled={disabled}
                        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                          update(index, field, event.target.value)
                        }
                      />
                    )}
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
          </Flex>
        </Box>
      ))}
      {disabled ? null : (
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name={`${idPrefix}-new-block`}>
            <Field.Label>{t('block.type', 'Block type')}</Field.Label>
            <SingleSelect value={newType} onChange={(value: string | number) => setNewType(value as BlockType)}>
              {BLOCK_TYPES.map((type) => (
                <SingleSelectOption key={type} value={type}>
                  {typeLabels[type]}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          <Button variant="secondary" startIcon={<Plus />} onClick={() => onChange([...blocks, { type: newType }])}>
            {t('block.add', 'Add block')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
};

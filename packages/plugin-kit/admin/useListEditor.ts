import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useAdminAction } from './useAdminAction';

/**
 * The editor of a list of rows at `path` (`POST path`, `PUT path/:id`, `DELETE path/:id`): the
 * form (`id: null` is a new row), saving it, deleting a row; after either the form is emptied
 * (when it held the deleted row) and the list is fetched again. Messages are the caller's
 * (translated); failures show the server's message through `useAdminAction`.
 */
export const useListEditor = <Form extends { id: number | null }>({
  path,
  empty,
  refetch,
  failureMessage,
}: {
  path: string;
  empty: Form;
  refetch: () => unknown;
  failureMessage: string;
}) => {
  const { post, put, del } = useFetchClient();
  const action = useAdminAction(failureMessage);
  const [form, setForm] = React.useState<Form>(empty);
  const reset = () => setForm(empty);

  const save = (body: unknown, savedMessage: string) =>
    action.run(async () => {
      if (form.id) await put(`${path}/${form.id}`, body);
      else await post(path, body);
      reset();
      refetch();
      return savedMessage;
    }, 'save');

  const remove = (id: number, deletedMessage: string) =>
    action.run(async () => {
      await del(`${path}/${id}`);
      if (form.id === id) reset();
      refetch();
      return deletedMessage;
    }, `delete-${id}`);

  return {
    form,
    setForm,
    reset,
    save,
    remove,
    isSaving: action.busy === 'save',
    isDeleting: (id: number) => action.busy === `delete-${id}`,
  };
};

import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { downloadPhoto } from '../api/feedback-api';

/** The photos of an item, fetched with the resident's sign-in; each opens full size. */
export function FeedbackPhotos({ photoIds }: { photoIds: string[] }) {
  const [files, setFiles] = useState<Record<string, string | 'failed'>>({});

  // The ids as one value: a new array with the same photos is no reason to fetch them again.
  const idsKey = photoIds.join(',');
  useEffect(() => {
    let live = true;
    idsKey.split(',').filter(Boolean).forEach((photoId) => {
      downloadPhoto(photoId)
        .then((path) => live && setFiles((current) => ({ ...current, [photoId]: path })))
        .catch(() => live && setFiles((current) => ({ ...current, [photoId]: 'failed' })));
    });
    return () => {
      live = false;
    };
  }, [idsKey]);

  const shown = photoIds.map((id) => files[id]).filter((path): path is string => !!path && path !== 'failed');
  return (
    <View className="feedback-photos" aria-label={`照片 ${photoIds.length} 张`}>
      {photoIds.map((photoId, index) => {
        const file = files[photoId];
        if (!file || file === 'failed') {
          return (
            <View key={photoId} className="feedback-photos__placeholder">
              {file === 'failed' ? '照片未能显示' : `照片 ${index + 1}`}
            </View>
          );
        }
        return (
          <Image
            key={photoId}
            className="feedback-photos__thumb"
            src={file}
            mode="aspectFill"
            onClick={() => void Taro.previewImage({ urls: shown, current: file }).catch(() => undefined)}
          />
        );
      })}
    </View>
  );
}

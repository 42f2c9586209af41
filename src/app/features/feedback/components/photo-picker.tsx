import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { MAX_PHOTO_BYTES, MAX_PHOTOS } from '@core/feedback/schemas';
import { Problem } from '../../../shared/ui/field';
import type { PendingPhoto } from '../pending-submissions';
import { rememberChosenPhoto } from '../photo-files';

interface Props {
  photos: PendingPhoto[];
  onChange: (photos: PendingPhoto[]) => void;
  problem?: string;
}

/** Up to nine photos from the album or the camera, as thumbnails that open full size and can be removed. */
export function PhotoPicker({ photos, onChange, problem }: Props) {
  const [tooLarge, setTooLarge] = useState<string | null>(null);

  async function addPhotos() {
    let chosen: Taro.chooseMedia.ChooseMedia[];
    try {
      // Taro 4.2 does not wrap chooseMedia in a promise, and WeChat's own promise form needs base
      // library 2.10.2 or later: the callbacks work everywhere.
      chosen = await new Promise((resolve, reject) => {
        Taro.chooseMedia({
          count: MAX_PHOTOS - photos.length,
          mediaType: ['image'],
          sizeType: ['compressed'],
          sourceType: ['album', 'camera'],
          success: ({ tempFiles }) => resolve(tempFiles),
          fail: reject,
        });
      });
    } catch {
      return; // The picker was closed without choosing.
    }
    const fitting = chosen.filter((file) => file.size <= MAX_PHOTO_BYTES);
    const skipped = chosen.length - fitting.length;
    setTooLarge(skipped > 0 ? `有 ${skipped} 张照片超过 ${MAX_PHOTO_BYTES / 1024 / 1024} MB，没有加入` : null);
    // In a browser the picker also hands over the file itself, from which a lasting copy can be made.
    fitting.forEach((file) => rememberChosenPhoto(file.tempFilePath, file.originalFileObj));
    onChange([...photos, ...fitting.map((file) => ({ path: file.tempFilePath, photoId: null }))].slice(0, MAX_PHOTOS));
  }

  const preview = (current: string) =>
    void Taro.previewImage({ urls: photos.map((photo) => photo.path), current }).catch(() => undefined);

  return (
    <View className="photo-picker">
      <View className="photo-picker__grid">
        {photos.map((photo, index) => (
          <View key={photo.path} className="photo-picker__item">
            <Image className="photo-picker__thumb" src={photo.path} mode="aspectFill" onClick={() => preview(photo.path)} />
            <View
              className="photo-picker__remove"
              role="button"
              aria-label={`删除第 ${index + 1} 张照片`}
              onClick={() => onChange(photos.filter((_, i) => i !== index))}
            >
              ×
            </View>
          </View>
        ))}
        {photos.length < MAX_PHOTOS && (
          <View className="photo-picker__add" role="button" onClick={() => void addPhotos()}>
            <View className="photo-picker__plus">+</View>
            <View>添加照片</View>
          </View>
        )}
      </View>
      <View className="photo-picker__hint">
        选填，最多 {MAX_PHOTOS} 张（已选 {photos.length} 张）；照片中的位置信息会被去除
      </View>
      <Problem message={tooLarge ?? problem} />
    </View>
  );
}
